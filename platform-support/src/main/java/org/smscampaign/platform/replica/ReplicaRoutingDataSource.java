package org.smscampaign.platform.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source: the primary, except for connections asked inside a scope
 * of replica reads while the replica is usable. The replica is looked up at the first
 * such connection, after start-up (migrations run on the primary before it).
 */
final class ReplicaRoutingDataSource extends DelegatingDataSource {

    private final Supplier<Replica> replica;

    ReplicaRoutingDataSource(DataSource primary, Supplier<Replica> replica) {
        super(primary);
        this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection onReplica = onReplica();
        return (onReplica != null) ? onReplica : super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Connection onReplica = onReplica();
        return (onReplica != null) ? onReplica : super.getConnection(username, password);
    }

    private Connection onReplica() {
        if (!ReadScope.active()) {
            return null;
        }
        Replica target = this.replica.get();
        return (target != null) ? target.connectionOrNull() : null;
    }

}

package org.smscampaign.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smscampaign.campaign.coupon.CodeLines;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pools of coupon codes a shop made (its own system's codes): imported as a file, drawn
 * by campaigns one code per recipient. A code lives in one pool and, once drawn, is never
 * drawn again.
 */
@Service
public class CouponPools {

    private static final String VIEW = """
            select p.id, p.name, p.created_by, p.created_at, count(c.id) as size,
                count(c.campaign_id) as used
            from coupon_pool p left join coupon_pool_code c on c.pool_id = p.id
            """;

    private final JdbcClient jdbc;

    CouponPools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public CouponPoolView create(String name, String by) {
        String clean = (name != null) ? name.strip() : "";
        if (clean.isEmpty() || clean.length() > 200) {
            throw CampaignProblem.invalid("name: give the pool a name of at most 200 characters.");
        }
        try {
            long id = this.jdbc.sql("insert into coupon_pool (name, created_by) values (:name, :by) returning id")
                .param("name", clean)
                .param("by", by)
                .query(Long.class)
                .single();
            return get(id);
        }
        catch (DuplicateKeyException ex) {
            throw CampaignProblem.conflict("A coupon pool is named \u201c" + clean + "\u201d already.");
        }
    }

    @Transactional(readOnly = true)
    public List<CouponPoolView> list() {
        return this.jdbc.sql(VIEW + " group by p.id order by p.name").query(CouponPools::view).list();
    }

    @Transactional(readOnly = true)
    public CouponPoolView get(long id) {
        return this.jdbc.sql(VIEW + " where p.id = :id group by p.id")
            .param("id", id)
            .query(CouponPools::view)
            .optional()
            .orElseThrow(() -> new CampaignProblem(CampaignProblem.Kind.NOT_FOUND,
                    "Coupon pool " + id + " does not exist."));
    }

    /**
     * Adds the codes of a file (CSV with the codes in the first column, or one per line).
     * Blank lines, codes that are not codes, repeats within the file and codes that exist
     * already (in any pool, or given by a campaign) are reported by line; the rest are
     * added.
     */
    @Transactional
    public CodeUpload addCodes(long poolId, String text) {
        get(poolId);
        CodeLines.Parsed parsed = CodeLines.parse((text != null) ? text : "");
        List<LineProblem> problems = new ArrayList<>(parsed.problems());
        String[] codes = parsed.codes().stream().map(CodeLines.Code::code).toArray(String[]::new);
        Map<String, String> taken = new HashMap<>();
        this.jdbc.sql("""
                select c.code, p.name from coupon_pool_code c join coupon_pool p on p.id = c.pool_id
                where c.code = any(:codes)
                union all
                select code, null from campaign_coupon where code = any(:codes)""")
            .param("codes", codes)
            .query((row, n) -> taken.putIfAbsent(row.getString(1), row.getString(2)))
            .list();
        Set<String> fresh = new java.util.LinkedHashSet<>();
        for (CodeLines.Code code : parsed.codes()) {
            if (taken.containsKey(code.code())) {
                String pool = taken.get(code.code());
                problems.add(new LineProblem(code.line(), code.code(), (pool != null)
                        ? "already in the pool \u201c" + pool + "\u201d" : "already given by a campaign"));
            }
            else {
                fresh.add(code.code());
            }
        }
        Set<String> added = Set.copyOf(this.jdbc.sql("""
                insert into coupon_pool_code (pool_id, code) select :pool, unnest(cast(:codes as text[]))
                on conflict (code) do nothing returning code""")
            .param("pool", poolId)
            .param("codes", fresh.toArray(new String[0]))
            .query(String.class)
            .list());
        for (CodeLines.Code code : parsed.codes()) {
            if (fresh.contains(code.code()) && !added.contains(code.code())) {
                problems.add(new LineProblem(code.line(), code.code(), "added meanwhile by another upload"));
            }
        }
        problems.sort(java.util.Comparator.comparingLong(LineProblem::line));
        return new CodeUpload(parsed.lines(), added.size(), List.copyOf(problems));
    }

    private static CouponPoolView view(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        long size = row.getLong("size");
        long used = row.getLong("used");
        return new CouponPoolView(row.getLong("id"), row.getString("name"), size, used, size - used,
                row.getString("created_by"), row.getTimestamp("created_at").toInstant());
    }

}

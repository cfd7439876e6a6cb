package org.smscampaign.web.user;

import java.util.List;
import java.util.Optional;

import org.smscampaign.web.security.Role;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlatformUserRepository extends JpaRepository<PlatformUser, Long> {

    Optional<PlatformUser> findByUsername(String username);

    List<PlatformUser> findAllByOrderByUsername();

    long countByRoleAndEnabledTrue(Role role);

}

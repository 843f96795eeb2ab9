package io.ticketrush.account.persistence;

import io.ticketrush.account.Account;
import io.ticketrush.account.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the accounts table. */
@Repository
public class AccountRows {

    private final JdbcClient jdbc;

    AccountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Credentials(Account account, @Nullable String passwordHash, int tokenGeneration, boolean emailVerified) {
    }

    /** An account's current token generation with its roles: what a renewed access token carries. */
    public record TokenSubject(Account account, int tokenGeneration, boolean emailVerified) {
    }

    /** Inserts unless the email is taken (case-insensitively); returns whether it was inserted. */
    public boolean insert(Account account, @Nullable String passwordHash, Instant now, boolean emailVerified) {
        return jdbc.sql("""
                INSERT INTO accounts (id, email, name, password_hash, roles, created_at, email_verified_at)
                VALUES (:id, :email, :name, :hash, :roles, :now, :verified)
                ON CONFLICT DO NOTHING
                """)
                .param("id", account.id())
                .param("email", account.email())
                .param("name", account.name())
                .param("hash", passwordHash)
                .param("roles", account.roles().stream().map(Role::name).sorted().toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .param("verified", emailVerified ? Timestamp.from(now) : null, java.sql.Types.TIMESTAMP)
                .update() == 1;
    }

    /** One statement for a whole batch of synthetic fans (no password: they cannot log in). */
    public void insertSynthetic(List<UUID> ids, List<String> emails, String name, Instant now) {
        jdbc.sql("""
                INSERT INTO accounts (id, email, name, password_hash, roles, synthetic, created_at)
                SELECT id, email, :name, NULL, ARRAY['FAN'], TRUE, :now
                FROM unnest(:ids::uuid[], :emails::text[]) AS t(id, email)
                """)
                .param("ids", ids.toArray(UUID[]::new))
                .param("emails", emails.toArray(String[]::new))
                .param("name", name)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<Credentials> findByEmail(String email) {
        return jdbc.sql("""
                SELECT id, email, name, roles, password_hash, token_generation, email_verified_at IS NOT NULL AS verified
                FROM accounts WHERE lower(email) = lower(:email)
                """)
                .param("email", email)
                .query((rs, n) -> new Credentials(map(rs), rs.getString("password_hash"), rs.getInt("token_generation"),
                        rs.getBoolean("verified")))
                .optional();
    }

    public Optional<TokenSubject> findTokenSubject(UUID id) {
        return jdbc.sql("""
                SELECT id, email, name, roles, token_generation, email_verified_at IS NOT NULL AS verified FROM accounts WHERE id = :id
                """)
                .param("id", id)
                .query((rs, n) -> new TokenSubject(map(rs), rs.getInt("token_generation"), rs.getBoolean("verified")))
                .optional();
    }

    /** Raises the account's token generation (every access token issued before is revoked); the new one, if found. */
    public Optional<Integer> revokeTokens(UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE accounts SET token_generation = token_generation + 1, tokens_revoked_at = :now
                WHERE id = :id RETURNING token_generation
                """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .optional();
    }

    /** Sets the roles and revokes the account's tokens in one statement; the new generation, if found. */
    public Optional<Integer> replaceRoles(UUID id, Set<Role> roles, Instant now) {
        return jdbc.sql("""
                UPDATE accounts SET roles = :roles, token_generation = token_generation + 1, tokens_revoked_at = :now
                WHERE id = :id RETURNING token_generation
                """)
                .param("id", id)
                .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .optional();
    }

    /** Token generations of the accounts revoked since the given instant (the others' tokens are all valid). */
    public Map<UUID, Integer> revokedSince(Instant since) {
        Map<UUID, Integer> generations = new HashMap<>();
        jdbc.sql("SELECT id, token_generation FROM accounts WHERE tokens_revoked_at > :since")
                .param("since", Timestamp.from(since))
                .query(rs -> {
                    generations.put(rs.getObject("id", UUID.class), rs.getInt("token_generation"));
                });
        return generations;
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT id, email, name, roles FROM accounts WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public boolean addRole(UUID id, Role role) {
        return jdbc.sql("UPDATE accounts SET roles = array_append(roles, CAST(:role AS text)) WHERE id = :id AND NOT (CAST(:role AS text) = ANY (roles))")
                .param("id", id).param("role", role.name()).update() == 1;
    }

    public boolean removeRole(UUID id, Role role) {
        return jdbc.sql("UPDATE accounts SET roles = array_remove(roles, CAST(:role AS text)) WHERE id = :id AND CAST(:role AS text) = ANY (roles)")
                .param("id", id).param("role", role.name()).update() == 1;
    }

    private static Account map(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"), Set.copyOf(roles));
    }
}

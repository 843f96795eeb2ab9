/**
 * Benchmark baselines: seat holds and first-come coupon claims implemented the way most projects
 * do it, measured in the same run as the real paths for the README's "why this design" table. A
 * PostgreSQL {@code SELECT ... FOR UPDATE} pessimistic lock, and a Redisson distributed lock (per
 * seat; per campaign for coupons).
 * Every bean here exists only under the {@code benchmark} Spring profile: nothing in this
 * module is on the production path, and without the profile its endpoints answer 404.
 * The baselines write the same tables as the real hold (seat_inventory, holds,
 * purchase_quotas), so the harness audits them with the same invariants. The coupon baselines
 * have tables of their own ({@code benchmark_coupon_campaigns}, {@code benchmark_coupons}; migration
 * {@code db/migration/benchmark}), empty unless a benchmark runs; the harness audits them for
 * stock and per-person limit like the real campaigns.
 */
@ApplicationModule(allowedDependencies = {"shared", "catalog"})
@NullMarked
package io.ticketrush.benchmark;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

// Package forecast is corecast's Monte Carlo engine: it draws the scenario's
// uncertain inputs, costs every trust, schedules deployments under capacity and
// the national envelope, and summarises what that means for national
// investment and completion years. It implements DESIGN.md §5 (the model) and
// §6 (outputs) exactly; the formulas are repeated where they are coded.
//
// # Execution
//
// Scenario-level inputs (the five unit costs, size elasticity, optimism bias,
// duration bias and inflation) are drawn first, a column each, by Latin
// hypercube or plain random sampling through gonum's quantile functions, then
// re-paired by Iman–Conover to carry the target rank correlations.
// Iterations then run in fixed blocks of 32 (blockSize), each block with its
// own SplitMix64 stream of trust-level draws seeded from (seed, block), on a
// pool of GOMAXPROCS workers; small blocks keep every core busy on a run of a
// few hundred iterations.
// Floating-point sums are kept per block and folded in block order, and
// integer counts are added exactly, so a seed gives bit-identical results at
// any GOMAXPROCS. An iteration allocates nothing.
//
// Memory does not grow with iterations × trusts: only scenario-level series
// (one value per iteration) are kept whole. Per-trust, per-year and per-group
// means and standard deviations are exact running sums; their percentiles
// come from streamed histograms with logarithmic bins (2% wide per trust,
// 0.5% per year and group) and are interpolated within a bin, so they are
// accurate to well under a percent. Counts of trusts core by year and
// completion years are exact.
//
// # Speed
//
// Time per trust must not grow with the number of trusts (DESIGN §10), so
// each trust's state is kept small and together: its constants and its
// block sums are one record each; its cost histogram holds only the bins its
// costs can reach over the run (bounded from the run's draws, costWindows);
// and the histogram slots of a block's iterations are buffered, trust by
// trust, and counted a trust at a time (slotBuffer), rather than touching
// every trust's rows in every iteration. The costing step runs as passes
// over the trusts that make no call per trust (costTrusts), with the random
// stream in registers (stream: SplitMix64 and math/rand/v2's ziggurat
// written out). The costing writes the schedule's waiting list in priority
// order as it goes (queue); a short list is walked entry by entry, a long
// one in blocks, passing over those that cannot fit.
//
// # Readings of DESIGN §5
//
// Where the reference definition leaves a choice, this package takes the
// reading below. A literal, unoptimised transcription of §5 lives in the
// tests (reference_test.go); the engine agrees with it iteration by
// iteration on the same draws.
//
//   - Trust-level draws: for every trust and iteration, in input order, first
//     the normal variate of ε, then deploy_years — also for trusts already at
//     the threshold, so that the same seed gives the same draws whatever the
//     scenario (common random numbers). deploy_years is drawn by inversion,
//     Q(u) with u uniform; since only n_i = max(1, ceil(Q(u)·(1 + db))) is
//     used, n_i is read off the thresholds F(n / (1 + db)), the same integer
//     without a quantile per trust.
//   - Iman–Conover is applied to the inputs named in at least one
//     correlation; the target matrix is the identity elsewhere, so other
//     inputs keep their independent random pairing. With fewer iterations
//     than 2k+2 (k inputs correlated) the scores' correlation cannot be
//     factorised reliably and the columns are left independent.
//   - Lowest-cost priority orders by each iteration's need (ties by code).
//     Region-balanced interleaves all trusts once, as "a fixed interleaved
//     order over all trusts"; each iteration's walk skips the trusts that
//     are core already or fully funded in that iteration, so the others keep
//     their places.
//   - n_i = max(1, ceil(deploy_years × (1 + duration_bias))), capped at 1,000
//     years so that a wild draw cannot overflow.
//   - An already-funded trust (gap > 0, need = 0) completes at
//     base_year + n_i − 1 even beyond the horizon; all_core_year then takes
//     that year. Only a trust never started makes all_core_year "never",
//     reported as "after horizon_year".
//   - National and local need and spend split every trust's need in the
//     fixed shares (1 − local_share) and local_share, so their statistics are
//     those of the total, scaled. Total programme is total need plus the
//     (fixed) committed funding, so its statistics are those of total need,
//     shifted.
//   - Percentiles are type 7 (linear between order statistics at rank
//     p·(N−1)); percentiles of years take the lower order statistic, so they
//     are always whole years that occurred.
//   - The Monte Carlo standard error is SD/√N: exact for random sampling, an
//     upper bound under Latin hypercube sampling.
package forecast

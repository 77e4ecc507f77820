package report

import (
	"fmt"
	"strconv"
	"time"

	"corecast/forecast"
)

// Sheet names of the workbook, in order. Their tables keep the same names
// (snake case) in CSV and JSON.
const (
	SheetSummary = "Summary"
	// SheetBrief, first of all, is declared with its builder in brief.go.
	SheetComparison   = "Comparison"
	SheetSensitivity  = "Sensitivity"
	SheetGoalSeek     = "GoalSeek"
	SheetInvestment   = "InvestmentNeeded"
	SheetFrontier     = "Frontier"
	SheetByYear       = "ByYear"
	SheetByRegion     = "ByRegion"
	SheetByType       = "ByType"
	SheetByTrust      = "ByTrust"
	SheetHistogram    = "Histogram"
	SheetSCurves      = "SCurves"
	SheetDistribution = "Distribution"
	SheetAssumptions  = "Assumptions"
	SheetInputs       = "Inputs"
	SheetManifest     = "Manifest"
)

// builder makes one sheet from the runs, or nil when the sheet does not apply
// (Comparison with a single run, Sensitivity and GoalSeek without analyses).
type builder func(b *book) *sheet

// builders lists the sheets in workbook order, for a reader who starts at
// the left: the Summary; then the Comparison of the scenarios and the
// analyses (Sensitivity, GoalSeek, Frontier), which answer the questions;
// then the detail behind them, ending with the Distribution of every
// iteration; then what went in (Assumptions, Inputs) and how to reproduce it
// (Manifest). The analyses apply only to runs that carry them, Comparison
// only to several runs, Distribution unless Options.NoDistribution.
var builders = []builder{
	briefSheet, summarySheet, comparisonSheet, sensitivitySheet, goalSeekSheet, investmentSheet, frontierSheet, hindcastSheet,
	byYearSheet, byRegionSheet, byTypeSheet, byTrustSheet, histogramSheet, sCurvesSheet, distributionSheet,
	assumptionsSheet, inputsSheet, manifestSheet,
}

// book is the runs being exported with their display labels.
type book struct {
	runs   []Run
	labels []string // scenario names, made unique
	// sourceDate, when not zero, is the run date of every run, whose run
	// times are then left out (Options.SourceDate).
	sourceDate time.Time
	// noDistribution leaves out the Distribution sheet
	// (Options.NoDistribution).
	noDistribution bool
}

// newBook checks the runs and labels them.
func newBook(runs []Run, opts Options) (*book, error) {
	if len(runs) == 0 {
		return nil, fmt.Errorf("nothing to export: no runs")
	}
	for i, r := range runs {
		if r.Result == nil {
			return nil, fmt.Errorf("run %d has no result", i+1)
		}
		if r.Result.Iterations != len(r.Result.TotalNeed) {
			return nil, fmt.Errorf("run %d: result has %d iterations but %d recorded", i+1, r.Result.Iterations, len(r.Result.TotalNeed))
		}
	}
	return &book{runs: runs, labels: uniqueLabels(runs), sourceDate: opts.SourceDate, noDistribution: opts.NoDistribution}, nil
}

// sheets builds every sheet that applies.
func (b *book) sheets() []*sheet {
	var out []*sheet
	for _, build := range builders {
		if s := build(b); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// each turns a count of a result into a count of run k.
func (b *book) each(count func(r *forecast.Result) int) func(k int) int {
	return func(k int) int { return count(b.runs[k].Result) }
}

// uniqueLabels returns the runs' scenario names, with " (2)", " (3)" ...
// added to repeats and "Scenario k" for empty names.
func uniqueLabels(runs []Run) []string {
	seen := map[string]int{}
	out := make([]string, len(runs))
	for i, r := range runs {
		name := r.Result.Scenario.Name
		if name == "" {
			name = "Scenario " + strconv.Itoa(i+1)
		}
		seen[name]++
		if n := seen[name]; n > 1 {
			name += " (" + strconv.Itoa(n) + ")"
		}
		out[i] = name
	}
	return out
}

// stacked builds a table with count(r) rows for each run r, one block after
// another; fill writes item j of run k into dst after the scenario column.
// It also returns each run's first row, for charts.
func (b *book) stacked(name string, cols []column, count func(k int) int,
	fill func(k, j int, dst []any)) (*table, []int) {
	t, starts, labels := b.stackedTable(name, cols, count)
	t.row = func(i int, dst []any) {
		k := runOfRow(starts, i)
		dst[0] = labels[k]
		fill(k, i-starts[k], dst[1:])
	}
	return t, starts
}

// stackedNums is stacked for a table with table.rowNums: fill writes item j
// of run k into dst and nums after the scenario column. fill must be safe to
// call from several goroutines at once: the table's rows are formatted
// concurrently.
func (b *book) stackedNums(name string, cols []column, count func(k int) int,
	fill func(k, j int, dst []any, nums []float64)) (*table, []int) {
	t, starts, labels := b.stackedTable(name, cols, count)
	t.rowNums = func(i int, dst []any, nums []float64) {
		k := runOfRow(starts, i)
		dst[0] = labels[k]
		fill(k, i-starts[k], dst[1:], nums[1:])
	}
	t.row = rowFromNums(t.rowNums)
	t.concurrent = true
	return t, starts
}

// stackedTable makes the table of stacked and stackedNums, without its
// rows, with each run's first row (and the end of the last) and the runs'
// labels as values.
func (b *book) stackedTable(name string, cols []column, count func(k int) int) (*table, []int, []any) {
	starts := make([]int, len(b.runs)+1)
	for k := range b.runs {
		starts[k+1] = starts[k] + count(k)
	}
	all := append([]column{{name: "scenario", kind: kText, input: true}}, cols...)
	t := &table{name: name, cols: all, n: starts[len(b.runs)]}
	// The labels as values once, not a new one each row: a string put in an
	// interface is copied to the heap, and a table may have a million rows.
	labels := make([]any, len(b.labels))
	for k, l := range b.labels {
		labels[k] = l
	}
	return t, starts, labels
}

// runOfRow is the run whose block of rows, starting at starts, holds row i.
func runOfRow(starts []int, i int) int {
	k := 0
	for k+1 < len(starts) && starts[k+1] <= i {
		k++
	}
	return k
}

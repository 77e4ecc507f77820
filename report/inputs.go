package report

import (
	"corecast/data"
	"corecast/model"
)

// inputSet is one distinct input among the runs.
type inputSet struct {
	name  string
	in    model.Inputs
	notes []string // how the input was read
}

// inputSets returns the distinct inputs of the runs, by source name and hash;
// runs without a recorded source count as distinct and are named by scenario.
func inputSets(b *book) []inputSet {
	var out []inputSet
	type key struct{ name, sha string }
	seen := map[key]bool{}
	for k, r := range b.runs {
		src := r.Manifest.Input
		if src.Name == "" && src.SHA256 == "" {
			out = append(out, inputSet{name: "inputs of " + b.labels[k], in: r.Inputs})
			continue
		}
		k := key{src.Name, src.SHA256}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, inputSet{name: src.Name, in: r.Inputs, notes: src.ImportNotes})
	}
	return out
}

// inputsSheet lists the trusts, the funding and the observations the runs
// read, side by side.
func inputsSheet(b *book) *sheet {
	sets := inputSets(b)
	count := func(n func(model.Inputs) int) func() int {
		return func() int {
			total := 0
			for _, s := range sets {
				total += n(s.in)
			}
			return total
		}
	}
	locate := func(n func(model.Inputs) int, i int) (inputSet, int) {
		for _, s := range sets {
			if i < n(s.in) {
				return s, i
			}
			i -= n(s.in)
		}
		return inputSet{}, -1
	}
	nTrusts := func(in model.Inputs) int { return len(in.Trusts) }
	nFunding := func(in model.Inputs) int { return len(in.Funding) }

	trusts := &table{name: "inputs_trusts", title: "Trusts", n: count(nTrusts)(), cols: inputColumns(data.TrustColumns())}
	trusts.row = func(i int, dst []any) {
		s, j := locate(nTrusts, i)
		dst[0] = s.name
		copy(dst[1:], data.TrustRecord(s.in.Trusts[j]))
	}
	funding := &table{name: "inputs_funding", title: "Funding", n: count(nFunding)(), cols: inputColumns(data.FundingColumns())}
	funding.row = func(i int, dst []any) {
		s, j := locate(nFunding, i)
		dst[0] = s.name
		copy(dst[1:], data.FundingRecord(s.in.Funding[j]))
	}
	tables := []*table{trusts, funding}
	// The observations only when some input has them: a workbook without
	// an Observed sheet gets no empty table for one.
	nObserved := func(in model.Inputs) int { return len(in.Observed) }
	if n := count(nObserved)(); n > 0 {
		observed := &table{name: "inputs_observed", title: "Observed", n: n, cols: inputColumns(data.ObservedColumns())}
		observed.row = func(i int, dst []any) {
			s, j := locate(nObserved, i)
			dst[0] = s.name
			copy(dst[1:], data.ObservedRecord(s.in.Observed[j]))
		}
		tables = append(tables, observed)
	}
	nNotes := func(s inputSet) int { return max(1, len(s.notes)) }
	total := 0
	for _, s := range sets {
		total += nNotes(s)
	}
	notes := &table{name: "import_notes", title: "How the inputs were read", n: total,
		cols: []column{{name: "input_file", input: true}, {name: "note", input: true, overflow: true}}}
	notes.row = func(i int, dst []any) {
		for _, s := range sets {
			if i < nNotes(s) {
				note := readAsWritten
				if len(s.notes) > 0 {
					note = s.notes[i]
				}
				copy(dst, []any{s.name, note})
				return
			}
			i -= nNotes(s)
		}
	}
	return &sheet{name: SheetInputs, tables: append(tables, notes), sideBySide: true, notes: []string{
		"The trusts, funding and observed rows the runs read, as loaded (money £m), and every conversion made in reading them. Every number is held in full, so that the file is an input workbook of its own: corecast run --input FILE reads these rows.",
	}}
}

// readAsWritten is the note of an input read with no conversions.
const readAsWritten = "read as written: no conversions"

// inputColumns gives the export's columns for an input sheet's columns (data's
// schema), after the input_file column: money in £m, scores to one decimal,
// typed text escaped.
func inputColumns(names []string) []column {
	cols := []column{{name: "input_file", input: true}}
	for _, n := range names {
		c := column{name: n, input: data.FreeTextColumn(n)}
		switch {
		case data.MoneyColumn(n):
			c.kind = kMoney
		case data.ScoreColumn(n):
			c.kind = kTrusts
		}
		cols = append(cols, c)
	}
	return cols
}

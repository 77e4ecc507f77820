package export

import (
	"corecast/model"
)

// inputSet is one distinct input among the runs.
type inputSet struct {
	name string
	in   model.Inputs
}

// inputSets returns the distinct inputs of the runs, by source name and hash;
// runs without a recorded source count as distinct and are named by scenario.
func inputSets(b *book) []inputSet {
	var out []inputSet
	seen := map[Source]bool{}
	for k, r := range b.runs {
		src := r.Manifest.Input
		if src.Name == "" && src.SHA256 == "" {
			out = append(out, inputSet{name: "inputs of " + b.labels[k], in: r.Inputs})
			continue
		}
		key := Source{Name: src.Name, SHA256: src.SHA256}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, inputSet{name: src.Name, in: r.Inputs})
	}
	return out
}

// inputsSheet lists the trusts and the funding the runs read, side by side.
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

	trusts := &table{name: "inputs_trusts", title: "Trusts", n: count(nTrusts)(),
		cols: []column{{name: "input_file", input: true}, {name: "code", input: true}, {name: "name", input: true},
			{name: "type"}, {name: "region"}, {name: "opex_m", kind: kMoney}, {name: "maturity", kind: kTrusts},
			{name: "maturity_prev", kind: kTrusts}, {name: "epr", input: true}}}
	trusts.row = func(i int, dst []any) {
		s, j := locate(nTrusts, i)
		t := s.in.Trusts[j]
		prev := any(nil)
		if t.HasMaturityPrev {
			prev = t.MaturityPrev
		}
		copy(dst, []any{s.name, t.Code, t.Name, t.Type.String(), t.Region.String(), t.OpexM, t.Maturity, prev, t.EPR})
	}
	funding := &table{name: "inputs_funding", title: "Funding", n: count(nFunding)(),
		cols: []column{{name: "input_file", input: true}, {name: "code", input: true}, {name: "programme", input: true},
			{name: "year"}, {name: "national_m", kind: kMoney}, {name: "local_m", kind: kMoney}, {name: "status"}}}
	funding.row = func(i int, dst []any) {
		s, j := locate(nFunding, i)
		f := s.in.Funding[j]
		copy(dst, []any{s.name, f.Code, f.Programme, f.Year.String(), f.NationalM, f.LocalM, f.Status.String()})
	}
	return &sheet{name: SheetInputs, tables: []*table{trusts, funding}, sideBySide: true, notes: []string{
		"The trusts and funding rows the runs read, as loaded (money £m).",
	}}
}

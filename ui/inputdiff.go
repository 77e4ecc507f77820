package ui

import (
	"fmt"
	"slices"
	"strings"

	"corecast/format"
	"corecast/model"
)

// inputDiff is what changed between two readings of the inputs, so that
// an analyst who saved a workbook sees that the change they meant was
// read, and nothing else moved with it.
type inputDiff struct {
	added, removed []model.Trust
	changed        []trustChange
	// funding holds the trusts' funding totals by status, before and
	// after; national the national envelope's.
	funding  [model.Planned + 1][2]float64
	national [2]float64
	// observed counts the observation rows before and after.
	observed [2]int
}

// trustChange is one trust in both readings and the fields that differ.
type trustChange struct {
	code, name string
	fields     []fieldChange
}

// fieldChange is one field of a trust, as written before and after.
type fieldChange struct{ name, from, to string }

// String writes the change as "maturity 40 → 45".
func (f fieldChange) String() string { return f.name + " " + f.from + " → " + f.to }

// diffInputs compares old and new: trusts by code, funding by total.
func diffInputs(old, new model.Inputs) inputDiff {
	var d inputDiff
	before := map[string]model.Trust{}
	for _, t := range old.Trusts {
		before[t.Code] = t
	}
	seen := map[string]bool{}
	for _, t := range new.Trusts {
		seen[t.Code] = true
		o, ok := before[t.Code]
		if !ok {
			d.added = append(d.added, t)
			continue
		}
		if fs := trustFields(o, t); len(fs) > 0 {
			d.changed = append(d.changed, trustChange{code: t.Code, name: t.Name, fields: fs})
		}
	}
	for _, t := range old.Trusts {
		if !seen[t.Code] {
			d.removed = append(d.removed, t)
		}
	}
	for k, in := range []model.Inputs{old, new} {
		for _, f := range in.Funding {
			if f.IsNational() {
				d.national[k] += f.NationalM
				continue
			}
			if f.Status >= 0 && int(f.Status) < len(d.funding) {
				d.funding[f.Status][k] += f.NationalM + f.LocalM
			}
		}
		d.observed[k] = len(in.Observed)
	}
	return d
}

// trustFields lists the fields that differ between two readings of a
// trust, each with its value before and after.
func trustFields(a, b model.Trust) []fieldChange {
	var out []fieldChange
	add := func(field, x, y string) {
		if x != y {
			out = append(out, fieldChange{field, x, y})
		}
	}
	add("name", a.Name, b.Name)
	add("type", a.Type.String(), b.Type.String())
	add("region", a.Region.String(), b.Region.String())
	add("opex", format.MoneyM(a.OpexM), format.MoneyM(b.OpexM))
	add("maturity", format.Param(a.Maturity), format.Param(b.Maturity))
	prev := func(t model.Trust) string {
		if !t.HasMaturityPrev {
			return "none"
		}
		return format.Param(t.MaturityPrev)
	}
	add("earlier maturity", prev(a), prev(b))
	add("EPR", a.EPR, b.EPR)
	return out
}

// none reports whether nothing the inputs hold changed.
func (d inputDiff) none() bool {
	if len(d.added)+len(d.removed)+len(d.changed) > 0 || d.national[0] != d.national[1] || d.observed[0] != d.observed[1] {
		return false
	}
	for _, f := range d.funding {
		if f[0] != f[1] {
			return false
		}
	}
	return true
}

// summary says in one line what changed: the trusts added, removed and
// changed (with the fields), and each funding total that moved.
func (d inputDiff) summary() string {
	if d.none() {
		return "no change to the trusts or funding"
	}
	var parts []string
	if n := len(d.added); n > 0 {
		parts = append(parts, format.Nouns(n, "trust")+" added")
	}
	if n := len(d.removed); n > 0 {
		parts = append(parts, format.Nouns(n, "trust")+" removed")
	}
	if n := len(d.changed); n > 0 {
		var fields []string
		for _, c := range d.changed {
			for _, f := range c.fields {
				if !slices.Contains(fields, f.name) {
					fields = append(fields, f.name)
				}
			}
		}
		parts = append(parts, fmt.Sprintf("%s changed (%s)", format.Nouns(n, "trust"), strings.Join(fields, ", ")))
	}
	parts = append(parts, d.fundingLines(false)...)
	return strings.Join(parts, "; ")
}

// fundingLines writes each funding total, before → after: all of them
// (for the Data view), or, for the notice, only those that moved.
func (d inputDiff) fundingLines(all bool) []string {
	var out []string
	line := func(what string, v [2]float64) {
		if all || v[0] != v[1] {
			out = append(out, fmt.Sprintf("%s %s → %s", what, format.Money(v[0]), format.Money(v[1])))
		}
	}
	for s, v := range d.funding {
		what := model.FundingStatus(s).String() + " funding"
		if all {
			what = "trusts' " + what
		}
		line(what, v)
	}
	line("national envelope", d.national)
	if all || d.observed[0] != d.observed[1] {
		out = append(out, fmt.Sprintf("observations %d → %d", d.observed[0], d.observed[1]))
	}
	return out
}

// lines lists every change for the Data view: each trust added, removed
// and changed with its fields, then the funding totals by status.
func (d inputDiff) lines() []string {
	var out []string
	for _, t := range d.added {
		out = append(out, fmt.Sprintf("added %s %s", t.Code, t.Name))
	}
	for _, t := range d.removed {
		out = append(out, fmt.Sprintf("removed %s %s", t.Code, t.Name))
	}
	for _, c := range d.changed {
		var fs []string
		for _, f := range c.fields {
			fs = append(fs, f.String())
		}
		out = append(out, fmt.Sprintf("changed %s %s: %s", c.code, c.name, strings.Join(fs, ", ")))
	}
	return append(out, d.fundingLines(true)...)
}

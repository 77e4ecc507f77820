package scenario

import (
	"fmt"
	"math"
	"strings"

	"corecast/format"
	"corecast/model"
)

// field is one editable scenario input: a plain value or a distribution.
type field struct {
	key     string
	desc    string
	source  string
	dist    bool
	choices []string // for values with a fixed set of choices
}

// fields lists every scenario input: the name, then the uncertain inputs
// (distributions), which analysts change most, then the plain values in TOML
// order.
func fields() []field {
	var fs, dists []field
	for _, k := range model.DistributionKeys() {
		dists = append(dists, field{key: k.Name, desc: k.Description, source: k.Source, dist: true})
	}
	for _, k := range model.ScalarKeys() {
		f := field{key: k.Name, desc: k.Description, source: k.Source, choices: k.Choices}
		if k.Kind == model.KindBool {
			f.choices = []string{"false", "true"}
		}
		fs = append(fs, f)
		if k.Name == "name" {
			fs = append(fs, dists...)
		}
	}
	return fs
}

// dist returns the distribution a field holds in sc.
func (f field) distIn(sc *model.Scenario) *model.Distribution {
	k, ok := model.LookupDistribution(f.key)
	if !ok {
		return nil
	}
	return k.Dist(sc)
}

// value writes a field's value in sc for the list.
func (f field) value(sc *model.Scenario) string {
	if f.dist {
		d := f.distIn(sc)
		if d == nil {
			return ""
		}
		parts := []string{fmt.Sprintf("%-10s", d.Kind)}
		for _, p := range paramNames(*d) {
			v, _ := d.Param(p)
			parts = append(parts, p+" "+format.Param(v))
		}
		return strings.Join(parts, "  ")
	}
	v, err := sc.Get(f.key)
	if err != nil {
		return "?"
	}
	return v
}

// text writes a field's value in sc for a message: a distribution in its
// compact form, pert(0.1, 0.3, 1).
func (f field) text(sc *model.Scenario) string {
	if d := f.distIn(sc); f.dist && d != nil {
		return d.String()
	}
	return f.value(sc)
}

// paramNames lists the parameters a distribution is edited by: a lognormal
// given by p10/p90 keeps that form.
func paramNames(d model.Distribution) []string {
	if d.Kind == model.Lognormal && math.IsNaN(d.Median) && math.IsNaN(d.Sigma) {
		return []string{"p10", "p90"}
	}
	return d.Kind.ParamNames()
}

// cycle returns the choice after (or before, when back) cur.
func cycle(choices []string, cur string, back bool) string {
	i := 0
	for k, c := range choices {
		if c == cur {
			i = k
		}
	}
	if back {
		return choices[(i+len(choices)-1)%len(choices)]
	}
	return choices[(i+1)%len(choices)]
}

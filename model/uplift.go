package model

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// UpliftAt returns the £m added to year y's national envelope: the uniform
// envelope_uplift_m, or year y's entry of the table by year (0 for a year
// the table does not list).
func (s Scenario) UpliftAt(y FinancialYear) float64 {
	return s.EnvelopeUpliftM + s.EnvelopeUpliftByYear[y]
}

// UpliftIsTable reports whether the uplift is given year by year.
func (s Scenario) UpliftIsTable() bool { return len(s.EnvelopeUpliftByYear) > 0 }

// ClearUplift removes every uplift, uniform or by year.
func (s *Scenario) ClearUplift() {
	s.EnvelopeUpliftM, s.EnvelopeUpliftByYear = 0, nil
}

// upliftKey is envelope_uplift_m: a number added to every year's envelope,
// or a table by year (DESIGN §4).
func upliftKey() Key {
	return Key{Name: "envelope_uplift_m", Kind: KindUplift, Domain: AtLeast(0),
		Description: "£m a year added to the national envelope: one number for every year, or a table by year",
		Source:      srcDesign + ": no uplift",
		get: func(s *Scenario) Value {
			return Value{Num: s.EnvelopeUpliftM, ByYear: maps.Clone(s.EnvelopeUpliftByYear)}
		},
		set: func(s *Scenario, v Value) error {
			s.EnvelopeUpliftM, s.EnvelopeUpliftByYear = v.Num, nil
			if len(v.ByYear) > 0 {
				s.EnvelopeUpliftM, s.EnvelopeUpliftByYear = 0, maps.Clone(v.ByYear)
			}
			return nil
		}}
}

// upliftYearKey is one year of envelope_uplift_m's table,
// "envelope_uplift_m.2020-21". Setting a year turns a uniform uplift into a
// table that gives every modelled year the uniform amount first.
func upliftYearKey(name string, y FinancialYear) Key {
	return Key{Name: name, Kind: KindFloat, Domain: AtLeast(0),
		Description: "£m added to " + y.String() + "'s national envelope", Source: srcDesign + ": no uplift",
		get: func(s *Scenario) Value { return Value{Num: s.UpliftAt(y)} },
		set: func(s *Scenario, v Value) error {
			if !s.UpliftIsTable() {
				u := s.EnvelopeUpliftM
				s.EnvelopeUpliftByYear = map[FinancialYear]float64{}
				if u != 0 {
					for _, yy := range s.Years() {
						s.EnvelopeUpliftByYear[yy] = u
					}
				}
				s.EnvelopeUpliftM = 0
			}
			s.EnvelopeUpliftByYear[y] = v.Num
			return nil
		}}
}

// formatUplift writes an uplift table as TOML's inline table does,
// { "2020-21" = 400, "2021-22" = 250 }, years in order.
func formatUplift(byYear map[FinancialYear]float64) string {
	parts := make([]string, 0, len(byYear))
	for _, y := range slices.Sorted(maps.Keys(byYear)) {
		parts = append(parts, fmt.Sprintf("%q = %s", y.String(), strconv.FormatFloat(byYear[y], 'g', -1, 64)))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// parseUplift reads a number, or a table by year written as formatUplift
// writes it (quotes optional, "2020-21 = 400, 2021-22 = 250" in braces).
func parseUplift(name, text string) (Value, error) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "{") {
		f, err := parseFloat(name, t)
		return Value{Num: f}, err
	}
	if !strings.HasSuffix(t, "}") {
		return Value{}, fmt.Errorf("%s: %q is not a table by year; want e.g. { \"2020-21\" = 400, \"2021-22\" = 250 }", name, text)
	}
	out := map[FinancialYear]float64{}
	for _, part := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(t, "{"), "}"), ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		ys, vs, ok := strings.Cut(part, "=")
		if !ok {
			return Value{}, fmt.Errorf("%s: %q is not year = amount", name, strings.TrimSpace(part))
		}
		y, err := ParseFinancialYear(strings.Trim(strings.TrimSpace(ys), `"'`))
		if err != nil {
			return Value{}, fmt.Errorf("%s: %w", name, err)
		}
		if _, dup := out[y]; dup {
			return Value{}, fmt.Errorf("%s: %s is given twice", name, y)
		}
		f, err := parseFloat(name+"."+y.String(), vs)
		if err != nil {
			return Value{}, err
		}
		out[y] = f
	}
	return Value{ByYear: out}, nil
}

// validateUplift checks the uplift: amounts ≥ 0, a number or a table but
// not both, and a table's years within base_year … horizon_year.
func (s Scenario) validateUplift(bad func(key, format string, a ...any)) {
	if p := AtLeast(0).checkValue(s.EnvelopeUpliftM); p != "" {
		bad("envelope_uplift_m", "%s", p)
	}
	if s.UpliftIsTable() && s.EnvelopeUpliftM != 0 {
		bad("envelope_uplift_m", "is both a number (%g) and a table by year; give one or the other", s.EnvelopeUpliftM)
	}
	for _, y := range slices.Sorted(maps.Keys(s.EnvelopeUpliftByYear)) {
		v := s.EnvelopeUpliftByYear[y]
		key := "envelope_uplift_m." + y.String()
		if p := AtLeast(0).checkValue(v); p != "" {
			bad(key, "%s", p)
		}
		if y < s.BaseYear || y > s.HorizonYear {
			bad(key, "%s is outside the modelled years %s to %s", y, s.BaseYear, s.HorizonYear)
		}
	}
}

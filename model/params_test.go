package model

import (
	"errors"
	"math"
	"testing"
)

// A parameter the distribution's kind does not take is refused, and after a
// change of kind the new kind's parameters are the ones that can be set.
func TestSetRefusesParametersTheKindDoesNotTake(t *testing.T) {
	cases := []struct {
		name string
		sets []string
		err  string // the error of the last assignment; "" for none
		get  string // with no error: a key to read back
		want string
	}{
		{"pert has no mean", []string{"unit_cost.acute.mean=100"},
			"unit_cost.acute.mean: a pert distribution has no parameter mean; want min, mode or max (or set unit_cost.acute.dist first to change the kind)", "", ""},
		{"uniform has no mode", []string{"size_elasticity.mode=0.7"},
			"size_elasticity.mode: a uniform distribution has no parameter mode; want min or max (or set size_elasticity.dist first to change the kind)", "", ""},
		{"fixed has no min", []string{"deploy_years.dist=fixed", "deploy_years.min=1"},
			"deploy_years.min: a fixed distribution has no parameter min; want value (or set deploy_years.dist first to change the kind)", "", ""},
		{"not a parameter at all", []string{"unit_cost.acute.mod=2"},
			"unit_cost.acute.mod: a pert distribution has no parameter mod; want min, mode or max", "", ""},
		{"normal in sequence", []string{"duration_bias.dist=normal", "duration_bias.mean=0.2", "duration_bias.sd=0.05"},
			"", "duration_bias", "normal(mean 0.2, sd 0.05)"},
		{"the old kind's parameters are gone", []string{"duration_bias.dist=normal", "duration_bias.max=0.3"},
			"duration_bias.max: a normal distribution has no parameter max; want mean or sd (or set duration_bias.dist first to change the kind)", "", ""},
		{"lognormal takes both forms", []string{"inflation.dist=lognormal", "inflation.p10=0.01", "inflation.p90=0.04"},
			"", "inflation", "lognormal(p10 0.01, p90 0.04)"},
		{"back to pert", []string{"unit_cost.acute.dist=normal", "unit_cost.acute.dist=pert", "unit_cost.acute.mode=2"},
			"", "unit_cost.acute.mode", "2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := DefaultScenario()
			err := sc.SetAll(c.sets)
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("got %v, want %q", err, c.err)
				}
				var pe *ParamError
				if !errors.As(err, &pe) {
					t.Errorf("%T is not a *ParamError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, err := sc.Get(c.get); err != nil || got != c.want {
				t.Errorf("Get(%s) = %q, %v; want %q", c.get, got, err, c.want)
			}
		})
	}
}

func TestGetRefusesParametersTheKindDoesNotTake(t *testing.T) {
	sc := DefaultScenario()
	if v, err := sc.Get("unit_cost.acute.mean"); err == nil {
		t.Errorf("Get of a pert's mean = %q, want an error", v)
	}
	if v, err := sc.Get("unit_cost.acute.mode"); err != nil || v != "1.8" {
		t.Errorf("Get of a pert's mode = %q, %v", v, err)
	}
}

// A distribution built in code with a parameter of another kind is invalid,
// and its parameter lists leave that parameter out.
func TestStrayParameterIsInvalid(t *testing.T) {
	d := PERTDist(1, 2, 3)
	d.Mean = 100
	want := "pert distribution has no parameter mean (it takes min, mode and max)"
	if err := d.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate = %v, want %q", err, want)
	}
	for _, p := range d.Params() {
		if p[0] == "mean" {
			t.Errorf("Params lists %v", p)
		}
	}
	n := NormalDist(0, 1)
	n.Value = math.NaN()
	if err := n.Validate(); err != nil {
		t.Errorf("unset parameters are NaN: %v", err)
	}
}

func TestDistKindTakes(t *testing.T) {
	for _, k := range DistKinds() {
		for _, p := range k.ParamNames() {
			if !k.HasParam(p) {
				t.Errorf("%s does not take its own %s", k, p)
			}
		}
	}
	if !Lognormal.HasParam("p90") || Normal.HasParam("p90") || PERT.HasParam("MODE") {
		t.Error("HasParam")
	}
}

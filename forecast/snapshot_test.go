package forecast

import (
	"context"
	"testing"

	"corecast/data"
	"corecast/model"
)

// The schedule-only re-run gives exactly the full run's P(all core by
// target), for every priority rule and with capacity, envelope, uplift and
// deployment time binding in turn.
func TestSnapshotMatchesFullRun(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cases := []func(*model.Scenario){
		func(*model.Scenario) {},
		func(s *model.Scenario) { s.CapacityStarts = 250; s.EnvelopeUpliftM = 800 },
		func(s *model.Scenario) {
			s.CapacityStarts = 150
			s.EnvelopeUpliftM = 400
			s.Priority = model.LowestCost
		},
		func(s *model.Scenario) {
			s.CapacityStarts = 170
			s.EnvelopeUpliftM = 700
			s.Priority = model.RegionBalanced
		},
		func(s *model.Scenario) {
			s.CapacityStarts = 200
			s.EnvelopeUpliftM = 600
			s.Priority = model.LargestGap
		},
		func(s *model.Scenario) {
			s.CapacityStarts = 400
			s.EnvelopeUpliftByYear = map[model.FinancialYear]float64{2019: 1500, 2020: 900, 2021: 300}
		},
		func(s *model.Scenario) { s.CapacityStarts = 300; s.EnvelopeUpliftM = 3000; s.TargetYear = 2022 },
	}
	for i, change := range cases {
		sc := model.DefaultScenario()
		sc.Iterations = 1500
		change(&sc)
		res, err := Run(ctx, in, sc, Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		p, err := newPlan(in, sc)
		if err != nil {
			t.Fatal(err)
		}
		sn, err := newSnapshot(ctx, p, &res.Inputs, 2)
		if err != nil {
			t.Fatal(err)
		}
		got, err := sn.pAllCore(ctx, lever{capacity: sc.CapacityStarts}, 3)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("case %d: P %v", i, got)
		if got != res.PAllCoreByTarget.P {
			t.Errorf("case %d: schedule-only P %v, full run %v", i, got, res.PAllCoreByTarget.P)
		}
	}
}

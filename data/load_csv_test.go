package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/model"
)

const (
	csvTrusts = "code,name,type,region,opex_m,maturity\n" +
		"RAA,Alpha Hospitals NHS Trust,acute,London,420.5,61\n" +
		"RBB,\"Beta, Mental Health\",mental health,North West,180,48\n"
	csvFunding = "code,programme,year,national_m,local_m,status\n" +
		"RAA,Global Digital Exemplar,2018-19,5,5,received\n" +
		"NATIONAL,National envelope,2019-20,350,0,committed\n"
)

func TestLoadDirGood(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"Trusts.csv":   "\xEF\xBB\xBF" + csvTrusts,
		"funding.csv":  csvFunding,
		"scenario.csv": "key,value\ncapacity_starts,60\nunit_cost.acute.mode,2.0\n",
	})
	in, kv, err := split3(Load(dir, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Trusts) != 2 || in.Trusts[1].Name != "Beta, Mental Health" || len(in.Funding) != 2 {
		t.Fatalf("inputs %+v", in)
	}
	if len(kv) != 2 || kv[1].Row != 3 || kv[1].Key != "unit_cost.acute.mode" {
		t.Fatalf("scenario rows %+v", kv)
	}
	sc := model.DefaultScenario()
	if err := ApplyScenarioSheet(&sc, kv); err != nil {
		t.Fatal(err)
	}
	if sc.CapacityStarts != 60 || sc.UnitCost[model.Acute].Mode != 2.0 {
		t.Errorf("scenario not applied: %d %g", sc.CapacityStarts, sc.UnitCost[model.Acute].Mode)
	}
}

func TestLoadDirProblems(t *testing.T) {
	cases := []struct {
		name    string
		files   map[string]string
		file    string
		row     int
		column  string
		message string
	}{
		{"missing funding", map[string]string{"trusts.csv": csvTrusts}, "funding.csv", 0, "", "is missing"},
		{"bad type after a blank line", map[string]string{"trusts.csv": csvTrusts + "\nRCC,Gamma,hospital,London,100,50\n", "funding.csv": csvFunding},
			"trusts.csv", 5, "type", `found "hospital"`},
		{"negative money", map[string]string{"trusts.csv": csvTrusts, "funding.csv": csvFunding + "RBB,FF,2019-20,-1,0,received\n"},
			"funding.csv", 4, "national_m", "0 or above"},
		{"unknown trust", map[string]string{"trusts.csv": csvTrusts, "funding.csv": csvFunding + "RQQ,FF,2019-20,1,0,received\n"},
			"funding.csv", 4, "code", `found "RQQ"`},
		{"bad quoting", map[string]string{"trusts.csv": csvTrusts + "RCC,\"Gam\"ma,acute,London,1,1\n", "funding.csv": csvFunding},
			"trusts.csv", 4, "", "is not valid CSV"},
		{"a workbook named .csv", map[string]string{"trusts.csv": "PK\x03\x04rest", "funding.csv": csvFunding},
			"trusts.csv", 0, "", "is a spreadsheet file"},
		{"neither UTF-8 nor Windows-1252", map[string]string{"trusts.csv": csvTrusts + "RCC,Caf\x81,acute,London,1,1\n", "funding.csv": csvFunding},
			"trusts.csv", 0, "", "is neither UTF-8 nor Windows-1252 text (line 4 holds the byte 0x81)"},
		{"bad scenario key", map[string]string{"trusts.csv": csvTrusts, "funding.csv": csvFunding, "scenario.csv": "key,value\nseed,\n"},
			"scenario.csv", 2, "value", "found nothing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeFiles(t, c.files)
			_, _, err := split3(LoadDir(dir, nil))
			ps := problemsOf(t, err)
			want := filepath.Join(dir, c.file)
			for _, p := range ps {
				if p.File == want && p.Row == c.row && p.Column == c.column && p.Sheet == "" {
					if !strings.Contains(p.Error(), c.message) {
						t.Errorf("problem %q does not contain %q", p.Error(), c.message)
					}
					return
				}
			}
			t.Errorf("no problem at %s row %d column %q; got:\n%v", c.file, c.row, c.column, ps)
		})
	}
}

func TestLoadDirTooManyRows(t *testing.T) {
	dir := writeFiles(t, map[string]string{"trusts.csv": csvTrusts, "funding.csv": csvFunding})
	_, _, err := split3(loadDir(dir, nil, limits{maxBytes: MaxFileBytes, maxRows: 2}))
	if ps := problemsOf(t, err); !strings.Contains(ps[0].Error(), "more than 2 rows") {
		t.Errorf("got %v", ps)
	}
}

func TestLoadDirMissing(t *testing.T) {
	if _, _, err := split3(LoadDir(filepath.Join(t.TempDir(), "none"), nil)); err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("got %v", err)
	}
}

func TestLoadCSVReaders(t *testing.T) {
	in, kv, err := split3(LoadCSV("mem", strings.NewReader(csvTrusts), strings.NewReader(csvFunding), nil, nil))
	if err != nil || len(in.Trusts) != 2 || kv != nil {
		t.Fatalf("got %+v %v %v", in, kv, err)
	}
}

func TestApplyScenarioSheetProblems(t *testing.T) {
	tr, fu := goodTrusts(), goodFunding()
	scen := [][]any{{"key", "value"}, {"capacity_starts", 40}, {"capacity_start", 40}, {"unit_cost.acute.mode", "lots"}, {"deploy_years.dist", "pert"}}
	_, kv, err := split3(Load(writeBook(t, sheet{"Trusts", tr}, sheet{"Funding", fu}, sheet{"Scenario", scen}), nil))
	if err != nil {
		t.Fatal(err)
	}
	sc := model.DefaultScenario()
	err = ApplyScenarioSheet(&sc, kv)
	ps := problemsOf(t, err)
	if len(ps) != 2 {
		t.Fatalf("got %d problems, want 2:\n%v", len(ps), ps)
	}
	if ps[0].Sheet != "Scenario" || ps[0].Row != 3 || ps[0].Column != "key" || ps[0].Value != "capacity_start" {
		t.Errorf("first problem %+v", ps[0])
	}
	if ps[1].Row != 4 || ps[1].Column != "value" || !strings.Contains(ps[1].Error(), `found "lots"`) {
		t.Errorf("second problem %v", ps[1])
	}
	if sc.CapacityStarts != 40 || sc.DeployYears.Kind != model.PERT {
		t.Errorf("good rows not applied: %d %s", sc.CapacityStarts, sc.DeployYears.Kind)
	}
}

package data

import (
	"os"
	"path/filepath"
	"testing"

	"corecast/model"
)

// writtenByOpenpyxl holds workbooks laid out as analysts keep them, written
// as openpyxl writes them (scripts/openpyxl-corpus.py): formulas with no
// saved value and a workbook marked for recalculation, merges, fonts struck
// through, dates as numbers with a date format.
const writtenByOpenpyxl = "testdata/openpyxl"

func TestImportWrittenByOpenpyxl(t *testing.T) {
	file := func(name string) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			b, err := os.ReadFile(filepath.Join(writtenByOpenpyxl, name+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	cases := []corpusCase{
		{name: "merged_and_struck", want: func(t *testing.T, l Loaded) {
			eq(t, "trusts", len(l.Inputs.Trusts), 3)
			eq(t, "RCC region", trust(t, l, "RCC").Region, model.London)
			eq(t, "funding rows", len(l.Inputs.Funding), 4)
			eq(t, "RBB 2018-19 programme", l.Inputs.Funding[1].Programme, "Global Digital Exemplar")
			for _, f := range l.Inputs.Funding {
				if f.Code == "RBB" && f.Year == 2019 {
					t.Errorf("the struck-through row was read: %+v", f)
				}
			}
		}, note: "sheet Funding, row 6: struck through (a withdrawn line), left out (RBB)"},
		{name: "headers_and_words", want: func(t *testing.T, l Loaded) {
			eq(t, "RAA", trust(t, l, "RAA"), model.Trust{Code: "RAA", Name: "Alpha Hospitals NHS Trust", Type: model.Specialist, Region: model.London, OpexM: 420.5, Maturity: 61})
			eq(t, "RCC type", trust(t, l, "RCC").Type, model.Acute)
			eq(t, "RCC opex", trust(t, l, "RCC").OpexM, 1260.0)
			want := []model.Funding{
				{Code: "RAA", Programme: "Global Digital Exemplar", Year: 2018, NationalM: 5, LocalM: 5, Status: model.Received},
				{Code: "RBB", Programme: "Fast Follower", Year: 2019, NationalM: 2.5, LocalM: 2.5, Status: model.Planned},
				{Code: "RCC", Programme: "Fast Follower", Year: 2019, NationalM: 1, LocalM: 1, Status: model.Committed},
				{Code: "NATIONAL", Programme: "National envelope", Year: 2019, NationalM: 350, Status: model.Committed}}
			eq(t, "funding rows", len(l.Inputs.Funding), len(want))
			for i := range min(len(want), len(l.Inputs.Funding)) {
				eq(t, "funding row", l.Inputs.Funding[i], want[i])
			}
		}, note: `sheet Trusts, rows 27, 29 (2 rows): a section heading (a region, type or England alone on its row), skipped (London, North West)`},
		{name: "wide_and_scenario", want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 5)
			eq(t, "national 2020-21", national(l)[2020], 450.0)
			sc := model.DefaultScenario()
			if err := ApplyScenarioSheet(&sc, l.Scenario); err != nil {
				t.Fatal(err)
			}
			eq(t, "include_planned", sc.IncludePlanned, true)
			eq(t, "envelope_after_m", sc.EnvelopeAfterM, 1500.0)
			eq(t, "discount_rate", sc.DiscountRate, 0.035)
			eq(t, "local_share", sc.LocalShare, 0.5)
		}, note: "funding laid out wide (a column for each year, 2019-20 to 2020-21)"},
		{name: "thousandfold", problem: `sheet Funding, row 5, column national_m: found "4100", want an amount in £m, a number 0 or above; this is 1,367 times the column's median (3)`},
		{name: "trust_list", problem: `sheet Trusts: is missing: the workbook has the sheets "Trust list", "Funding"; rename the one with a row per trust to Trusts, or name it in a --map file: [trusts] sheet = "Trust list"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkCorpusCase(t, c, file(c.name)(t)) })
	}
}

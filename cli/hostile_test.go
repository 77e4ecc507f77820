package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// hostileCase is a command line given a scenario file built to break
// corecast; it must be refused as invalid input (exit 2) with a message
// naming the file.
type hostileCase struct {
	name string
	toml string             // the scenario file's text, written as scen.toml
	book map[string][][]any // a workbook's sheets, written as book.xlsx when given
	// args is the command after the program name: "SCEN" is the scenario
	// file, "BOOK" the workbook and "OUT" an output path.
	args []string
	want string // a substring of stdout (validate) or stderr (run), with the same placeholders
}

func runHostile(t *testing.T, cases []hostileCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			scen := writeText(t, "scen.toml", c.toml)
			wb := ""
			if c.book != nil {
				wb = book(t, c.book)
			}
			r := strings.NewReplacer("SCEN", scen, "BOOK", wb, "OUT", filepath.Join(dir, "out.json"))
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = r.Replace(a)
			}
			code, stdout, stderr := run(t, Options{}, args...)
			want := r.Replace(c.want)
			if code != ExitInvalid || !strings.Contains(stdout+stderr, want) {
				t.Errorf("exit %d, want %d, and a message containing %q\nstdout: %s\nstderr: %s", code, ExitInvalid, want, stdout, stderr)
			}
		})
	}
}

func TestDeepScenarioRefused(t *testing.T) {
	const n = 50_000
	deep := "optimism_bias = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n"
	const msg = "SCEN: line 2 nests tables and arrays more than 4 levels deep (a scenario needs 2), so the file was not read"
	runHostile(t, []hostileCase{
		{name: "validate", toml: "# deep\n" + deep, args: []string{"validate", "SCEN"}, want: msg},
		{name: "run", toml: "# deep\n" + deep, args: []string{"run", "--scenario", "SCEN", "--out", "OUT"}, want: msg},
	})
}

func TestParameterTheKindDoesNotTakeRefused(t *testing.T) {
	sheets := goodSheets()
	sheets["Scenario"] = [][]any{{"key", "value"}, {"unit_cost.acute.mean", 100}}
	runHostile(t, []hostileCase{
		{name: "run --set", args: []string{"run", "--set", "unit_cost.acute.mean=100", "--out", "OUT"},
			want: "--set unit_cost.acute.mean=100: unit_cost.acute.mean: a pert distribution has no parameter mean; want min, mode or max (or set unit_cost.acute.dist first to change the kind)"},
		{name: "run --set after a change of kind", args: []string{"run", "--set", "duration_bias.dist=normal", "--set", "duration_bias.max=0.3", "--out", "OUT"},
			want: "duration_bias.max: a normal distribution has no parameter max; want mean or sd"},
		{name: "validate TOML", toml: "[unit_cost]\nacute = { dist = \"pert\", min = 1, mode = 2, max = 3, mean = 100 }\n", args: []string{"validate", "SCEN"},
			want: "SCEN: unit_cost.acute.mean: unknown parameter for a pert distribution (want dist, min, mode, max)"},
		{name: "validate Scenario sheet", book: sheets, args: []string{"validate", "BOOK"},
			want: `BOOK: sheet Scenario, row 2, column key: found "unit_cost.acute.mean", want a parameter of unit_cost.acute's pert distribution`},
		{name: "run on a Scenario sheet", book: sheets, args: []string{"run", "--input", "BOOK", "--out", "OUT"},
			want: `found "unit_cost.acute.mean", want a parameter of unit_cost.acute's pert distribution`},
	})
}

// Setting a distribution's kind, then the new kind's parameters, works.
func TestSetKindThenParameters(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.json")
	code, _, stderr := run(t, Options{}, "run", "--iterations", "64", "--out", out,
		"--set", "duration_bias.dist=normal", "--set", "duration_bias.mean=0.2", "--set", "duration_bias.sd=0.05")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

func TestOutsideTheDomainRefused(t *testing.T) {
	const where = "the baseline scenario with the command-line settings: "
	runHostile(t, []hostileCase{
		{name: "run --set duration_bias normal below -0.5",
			args: []string{"run", "--set", "duration_bias.dist=normal", "--set", "duration_bias.mean=-0.5", "--set", "duration_bias.sd=1", "--out", "OUT"},
			want: where + "duration_bias: normal(mean -0.5, sd 1) puts 50% of its probability outside -0.5–3; want duration_bias within -0.5–3"},
		{name: "run --set normal unit cost",
			args: []string{"run", "--set", "unit_cost.acute.dist=normal", "--set", "unit_cost.acute.mean=0.1", "--set", "unit_cost.acute.sd=5", "--out", "OUT"},
			want: where + "unit_cost.acute: normal(mean 0.1, sd 5) puts 49% of its probability at or below 0; want unit costs > 0"},
		{name: "run --set trust_sigma", args: []string{"run", "--set", "trust_sigma=3", "--out", "OUT"},
			want: where + "trust_sigma: 3 is outside 0–2"},
		{name: "validate TOML", toml: "optimism_bias = { dist = \"normal\", mean = 1.5, sd = 1 }\n", args: []string{"validate", "SCEN"},
			want: "SCEN: optimism_bias: normal(mean 1.5, sd 1) puts 13% of its probability outside 0–3; want optimism_bias within 0–3"},
		{name: "run TOML", toml: "discount_rate = 0.5\n", args: []string{"run", "--scenario", "SCEN", "--out", "OUT"},
			want: "SCEN: discount_rate: 0.5 is outside 0–0.2"},
	})
}

func TestInconsistentCorrelationsRefused(t *testing.T) {
	const toml = `name = "Clash"
[[correlation]]
a = "unit_cost.acute"
b = "unit_cost.community"
rho = 0.9
[[correlation]]
a = "unit_cost.acute"
b = "unit_cost.ambulance"
rho = 0.9
[[correlation]]
a = "unit_cost.community"
b = "unit_cost.ambulance"
rho = -0.9
`
	const msg = "SCEN: correlation: the rank correlations among unit_cost.acute, unit_cost.community and unit_cost.ambulance cannot all hold"
	runHostile(t, []hostileCase{
		{name: "validate", toml: toml, args: []string{"validate", "SCEN"}, want: msg},
		{name: "run", toml: toml, args: []string{"run", "--scenario", "SCEN", "--out", "OUT"}, want: msg},
	})
}

func TestScalarMessages(t *testing.T) {
	const noName = "name: a scenario needs a name (summary lines and sheets are labelled with it)"
	runHostile(t, []hostileCase{
		{name: "validate huge capacity", toml: "capacity_starts = 9223372036854775807\n", args: []string{"validate", "SCEN"},
			want: "SCEN: capacity_starts: 9223372036854775807 is outside 1–100,000"},
		{name: "run huge capacity", toml: "capacity_starts = 9223372036854775807\n", args: []string{"run", "--scenario", "SCEN", "--out", "OUT"},
			want: "SCEN: capacity_starts: 9223372036854775807 is outside 1–100,000"},
		{name: "run --set huge capacity", args: []string{"run", "--set", "capacity_starts=9223372036854775807", "--out", "OUT"},
			want: "--set capacity_starts=9223372036854775807: capacity_starts: 9223372036854775807 is outside 1–100,000"},
		{name: "validate empty name", toml: "name = \"\"\n", args: []string{"validate", "SCEN"}, want: "SCEN: " + noName},
		{name: "run empty name", toml: "name = \"\"\n", args: []string{"run", "--scenario", "SCEN", "--out", "OUT"}, want: "SCEN: " + noName},
		{name: "run --set empty name", args: []string{"run", "--set", "name=", "--out", "OUT"}, want: "--set name=: " + noName},
	})
}

// TestOverflowingScenarioRefused runs a unit cost of 1e308: every total
// overflows, and the run is refused as invalid input before anything is
// written, rather than exiting 0 with every headline undefined.
func TestOverflowingScenarioRefused(t *testing.T) {
	runHostile(t, []hostileCase{{
		name: "unit cost 1e308",
		toml: "iterations = 20\nunit_cost.acute = { dist = \"fixed\", value = 1e308 }\n",
		args: []string{"run", "--scenario", "SCEN", "--out", "OUT"},
		want: "is not a finite amount",
	}})
}

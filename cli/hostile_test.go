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
	toml string   // the scenario file's text, written as scen.toml
	args []string // the command after the program name; "SCEN" is the file, "OUT" an output path
	want string   // a substring of stdout (validate) or stderr (run); "SCEN" is the file
}

func runHostile(t *testing.T, cases []hostileCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			scen := writeText(t, "scen.toml", c.toml)
			out := filepath.Join(dir, "out.json")
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.NewReplacer("SCEN", scen, "OUT", out).Replace(a)
			}
			code, stdout, stderr := run(t, Options{}, args...)
			want := strings.ReplaceAll(c.want, "SCEN", scen)
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

package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestInputTextNeverReachesTheTerminalRaw runs commands whose messages
// quote hostile input text — a scenario name that writes to the clipboard
// (OSC 52) and reverses the line, an unknown key that clears the screen —
// and finds it made visible, never raw, on standard output and error.
func TestInputTextNeverReachesTheTerminalRaw(t *testing.T) {
	name := "Evil\x1b]52;c;SGVsbG8=\x07 \u202eemaN"
	good := writeText(t, "good.toml", "name = \""+strings.ReplaceAll(strings.ReplaceAll(name, "\x1b", `\u001b`), "\x07", `\u0007`)+"\"\niterations = 50\n")
	badKey := writeText(t, "bad.toml", "\"clear\\u001b[2J\" = 1\n")
	out := filepath.Join(t.TempDir(), "out.json")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"scenario name on stderr", []string{"run", "--scenario", good, "--out", out}, "Evil<U+001B>]52;c;SGVsbG8=<U+0007> <U+202E>emaN: total need"},
		{"unknown key", []string{"validate", badKey}, "clear<U+001B>[2J"},
		{"summary on stdout", []string{"--scenario", good}, "<U+202E>emaN"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, stdout, stderr := run(t, Options{}, c.args...)
			both := stdout + stderr
			if strings.ContainsAny(both, "\x1b\x07\u202e") {
				t.Errorf("raw control or bidi characters reached the terminal:\n%q", both)
			}
			if !strings.Contains(both, c.want) {
				t.Errorf("the output does not show %q:\n%s", c.want, both)
			}
		})
	}
}

package data

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/model"
)

func TestTOMLNesting(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) }
	cases := []struct {
		name, doc string
		line      int // 0: within the limit of 4
	}{
		{"empty", "", 0},
		{"scalars", "name = \"x\"\nseed = 3\n", 0},
		{"inline table", "optimism_bias = { dist = \"pert\", min = 0.1, mode = 0.3, max = 1 }\n", 0},
		{"table then inline table", "[unit_cost]\nacute = { dist = \"fixed\", value = 1 }\n", 0},
		{"array of tables", "[[correlation]]\na = \"x\"\nb = \"y\"\nrho = 0.5\n", 0},
		{"four inline tables", "x = " + deep(4) + "\n", 0},
		{"five inline tables", "x = " + deep(5) + "\n", 1},
		{"five arrays", "x = [[[[[1]]]]]\n", 1},
		{"four arrays", "x = [[[[1]]]]\n", 0},
		{"arrays then tables", "x = [[{a = [{b = 1}]}]]\n", 1},
		{"on a later line", "a = 1\n\n# [[[[[[\nx = " + deep(5) + "\n", 4},
		{"array over lines", "x = [\n  [\n   [[[1]]]\n  ]\n]\n", 3},
		{"header depth four", "[a.b.c.d]\nx = 1\n", 0},
		{"header depth five", "[a.b.c.d.e]\nx = 1\n", 1},
		{"header adds to its values", "[a.b.c]\nx = {y = {z = 1}}\n", 2},
		{"array header", "[[a.b.c.d]]\nx = [1]\n", 2},
		{"quoted header parts", "[\"a.b.c.d.e\".'f.g']\nx = 1\n", 0},
		{"dotted key", "a.b.c.d.e = 1\n", 0},
		{"dotted key too deep", "a.b.c.d.e.f = 1\n", 1},
		{"dotted key with a table", "a.b.c = {d = {e = 1}}\n", 0},
		{"dotted key with a table too deep", "a.b.c.d = {e = {f = 1}}\n", 1},
		{"dotted key in inline table", "x = {a.b.c = 1, d = 2}\n", 0},
		{"dotted key in inline table too deep", "x = {a.b.c = {d = {}}}\n", 1},
		{"dotted key ends at the comma", "x = {a.b.c = 1, d = {e = {f = 1}}}\n", 0},
		{"brackets in a basic string", "x = \"[[[[[[{{{{{\"\n", 0},
		{"escaped quote in a basic string", "x = \"\\\"[[[[[[[\"\ny = 1\n", 0},
		{"backslash before the closing quote", "x = \"\\\\\"\ny = [[[[[[1]]]]]]\n", 2},
		{"brackets in a literal string", "x = '[[[[[[\\'\ny = 1\n", 0},
		{"multi-line basic string", "x = \"\"\"\n[[[[[[\n\\\"\"\" still in\n\"\"\"\ny = [[[[[1]]]]]\n", 5},
		{"multi-line string ending in quotes", "x = \"\"\"a\"\"\"\"\"\ny = [[[[[1]]]]]\n", 2},
		{"multi-line literal string", "x = '''\n{{{{{{ \\'''\ny = [[[[[1]]]]]\n", 3},
		{"comment", "x = 1 # [[[[[[[[\n", 0},
		{"comment in an array", "x = [ # [[[[[[\n 1 ]\n", 0},
		{"string in a key", "\"[[[[[[\" = 1\n", 0},
		{"inline table over lines", "x = {\n a = {\n  b = {\n   c = {\n    d = {}\n}}}}}\n", 5},
		{"unclosed string", "x = \"[[[[[\ny = [[[[[1]]]]]\n", 2},
		{"deep from the start", strings.Repeat("[", 9), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			line, _, ok := tomlNesting([]byte(c.doc), 4)
			if c.line == 0 && !ok {
				t.Errorf("refused at line %d, want accepted", line)
			}
			if c.line != 0 && (ok || line != c.line) {
				t.Errorf("got line %d, ok %v; want refused at line %d", line, ok, c.line)
			}
		})
	}
}

// The deeply nested file of the report: 50,000 inline tables, about 200 KB.
func deepScenario() []byte {
	const n = 50_000
	return []byte("optimism_bias = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n")
}

func TestDeepScenarioRefusedUnparsed(t *testing.T) {
	b := deepScenario()
	_, err := ParseScenarioTOML("deep.toml", b)
	want := "deep.toml: line 1 nests tables and arrays more than 4 levels deep (a scenario needs 2), so the file was not read"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
	// Refused by the scan alone: parsing would allocate for every level.
	allocs := testing.AllocsPerRun(3, func() { _, _ = ParseScenarioTOML("deep.toml", b) })
	if allocs > 20 {
		t.Errorf("%v allocations to refuse the file: it was parsed", allocs)
	}
	path := filepath.Join(t.TempDir(), "deep.toml")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadScenarioTOML(path); err == nil || !strings.Contains(err.Error(), path+": line 1 nests") {
		t.Errorf("LoadScenarioTOML: %v", err)
	}
}

func TestLargeScenarioRefused(t *testing.T) {
	b := bytes.Repeat([]byte("# padding\n"), maxScenarioBytes/10+1)
	_, err := ParseScenarioTOML("big.toml", b)
	if err == nil || !strings.HasPrefix(err.Error(), "big.toml: is larger than 1 MB") {
		t.Errorf("got %v", err)
	}
}

// Every scenario corecast ships or writes is well within the limit.
func TestValidScenariosWithinNesting(t *testing.T) {
	docs := map[string][]byte{}
	paths, err := filepath.Glob(filepath.Join("..", "examples", "*.toml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[p] = b
	}
	sc := model.DefaultScenario()
	sc.DeployYears = model.LognormalDist(2, 0.3)
	var buf bytes.Buffer
	if err := WriteScenarioTOML(&buf, sc); err != nil {
		t.Fatal(err)
	}
	docs["written"] = buf.Bytes()
	docs["dotted"] = []byte("unit_cost.acute = { dist = \"fixed\", value = 2 }\n[unit_cost.community]\ndist = \"uniform\"\nmin = 0.5\nmax = 1\n")
	for name, b := range docs {
		if line, depth, ok := tomlNesting(b, 2); !ok {
			t.Errorf("%s: line %d is %d deep", name, line, depth)
		}
		if _, err := ParseScenarioTOML(name, b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

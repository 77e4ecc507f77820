package cli

import (
	"os"
	"strings"
	"testing"

	"corecast/model"
)

// The README's scenario key table lists every key with its default.
func TestReadmeListsEveryScenarioKey(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	sc := model.DefaultScenario()
	for _, k := range model.ScalarKeys() {
		row := "| `" + k.Name + "` | " + k.Get(&sc) + " |"
		if !strings.Contains(readme, row) {
			t.Errorf("README has no row starting %q", row)
		}
	}
	for _, k := range model.DistributionKeys() {
		row := "| `" + k.Name + "` | " + k.Dist(&sc).String() + " |"
		if !strings.Contains(readme, row) {
			t.Errorf("README has no row starting %q", row)
		}
	}
}

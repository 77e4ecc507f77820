package trusts

import (
	"slices"
	"testing"

	"corecast/model"
)

// TestParseQuery reads terms: a value runs over the words that still name
// a region or type, quotes keep words together, the rest is text.
func TestParseQuery(t *testing.T) {
	q := parseQuery(`region:north west type:mental health leeds`)
	if !slices.Equal(q.regions, []model.Region{model.NorthWest}) || !slices.Equal(q.types, []model.TrustType{model.MentalHealth}) ||
		!slices.Equal(q.words, []string{"leeds"}) || q.problem != "" {
		t.Errorf("parsed %+v", q)
	}
	q = parseQuery(`Region:"North East and Yorkshire" TYPE: acute`)
	if !slices.Equal(q.regions, []model.Region{model.NorthEastAndYorkshire}) || !slices.Equal(q.types, []model.TrustType{model.Acute}) || len(q.words) != 0 {
		t.Errorf("parsed %+v", q)
	}
	if q := parseQuery("region:nowhere"); q.problem == "" {
		t.Errorf("region:nowhere parsed as %+v, want a problem", q)
	}
	if q := parseQuery("North West"); q.hint == "" || len(q.regions) != 0 {
		t.Errorf("North West parsed as %+v, want text with a hint", q)
	}
}

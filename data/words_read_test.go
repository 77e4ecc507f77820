package data

import (
	"testing"

	"corecast/model"
)

// TestReadRegionAndType reads regions and types as a filter types them,
// the way the Trusts sheet's columns are read.
func TestReadRegionAndType(t *testing.T) {
	regions := map[string]model.Region{"north west": model.NorthWest, "NW": model.NorthWest,
		"NHS England – North West": model.NorthWest, "east of england": model.EastOfEngland, "London": model.London}
	for s, want := range regions {
		if got, ok := ReadRegion(s); !ok || got != want {
			t.Errorf("ReadRegion(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	types := map[string]model.TrustType{"mh": model.MentalHealth, "mental_health": model.MentalHealth,
		"Acute Teaching": model.Acute, "ambulance service": model.Ambulance}
	for s, want := range types {
		if got, ok := ReadTrustType(s); !ok || got != want {
			t.Errorf("ReadTrustType(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"north", "nowhere", ""} {
		if _, ok := ReadRegion(s); ok {
			t.Errorf("ReadRegion(%q) names a region", s)
		}
	}
}

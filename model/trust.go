package model

import (
	"fmt"
	"strings"
)

// TrustType is the kind of NHS trust; unit costs are set per type.
type TrustType int

// The trust types of DESIGN §3, in the order scenario unit costs are listed.
const (
	Acute TrustType = iota
	MentalHealth
	Community
	Ambulance
	Specialist
	NumTrustTypes = 5
)

var trustTypeNames = [NumTrustTypes]string{"acute", "mental health", "community", "ambulance", "specialist"}
var trustTypeKeys = [NumTrustTypes]string{"acute", "mental_health", "community", "ambulance", "specialist"}

// TrustTypes lists every trust type in order.
func TrustTypes() []TrustType {
	return []TrustType{Acute, MentalHealth, Community, Ambulance, Specialist}
}

// String gives the type as written in a workbook ("mental health").
func (t TrustType) String() string {
	if t < 0 || int(t) >= NumTrustTypes {
		return fmt.Sprintf("TrustType(%d)", int(t))
	}
	return trustTypeNames[t]
}

// Key gives the type as a scenario key ("mental_health").
func (t TrustType) Key() string {
	if t < 0 || int(t) >= NumTrustTypes {
		return t.String()
	}
	return trustTypeKeys[t]
}

// ParseTrustType reads a type name, case-insensitively, accepting "mental health"
// and "mental_health" alike.
func ParseTrustType(s string) (TrustType, error) {
	n := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", " ")
	for i, name := range trustTypeNames {
		if n == name {
			return TrustType(i), nil
		}
	}
	return 0, fmt.Errorf("unknown trust type %q: want one of %s", s, strings.Join(trustTypeNames[:], ", "))
}

// Region is one of the seven NHS England regions. Regions are numbered in
// alphabetical order, the order the region-balanced priority takes them in.
type Region int

// The seven NHS England regions, alphabetically.
const (
	EastOfEngland Region = iota
	London
	Midlands
	NorthEastAndYorkshire
	NorthWest
	SouthEast
	SouthWest
	NumRegions = 7
)

var regionNames = [NumRegions]string{"East of England", "London", "Midlands", "North East and Yorkshire", "North West", "South East", "South West"}

// Regions lists every region in alphabetical order.
func Regions() []Region {
	r := make([]Region, NumRegions)
	for i := range r {
		r[i] = Region(i)
	}
	return r
}

// String gives the region's name.
func (r Region) String() string {
	if r < 0 || int(r) >= NumRegions {
		return fmt.Sprintf("Region(%d)", int(r))
	}
	return regionNames[r]
}

// ParseRegion reads a region name, case-insensitively.
func ParseRegion(s string) (Region, error) {
	n := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for i, name := range regionNames {
		if n == strings.ToLower(name) {
			return Region(i), nil
		}
	}
	return 0, fmt.Errorf("unknown region %q: want one of %s", s, strings.Join(regionNames[:], ", "))
}

// Trust is one NHS trust as the Trusts sheet describes it.
type Trust struct {
	Code     string    // ODS code, unique
	Name     string    // organisation name
	Type     TrustType // acute, mental health, ...
	Region   Region    // NHS England region
	OpexM    float64   // annual operating expenditure, £m, > 0
	Maturity float64   // digital maturity score, 0–100
	// MaturityPrev is an earlier maturity score, used by calibration; it is
	// meaningful only when HasMaturityPrev is true.
	MaturityPrev    float64
	HasMaturityPrev bool
	EPR             string // electronic patient record system, free text
}

// Gap is the number of maturity points the trust lacks to reach threshold, never negative.
func (t Trust) Gap(threshold float64) float64 {
	if g := threshold - t.Maturity; g > 0 {
		return g
	}
	return 0
}

package model

import (
	"slices"
	"testing"
)

// TestTopKey finds the top-level key of dotted keys.
func TestTopKey(t *testing.T) {
	for in, want := range map[string]string{
		"unit_cost.acute.mode": "unit_cost.acute", "unit_cost.acute": "unit_cost.acute", "unit_cost.acute.dist": "unit_cost.acute",
		"envelope_uplift_m.2020-21": "envelope_uplift_m", " Capacity_Starts ": "capacity_starts", "correlation": "correlation",
	} {
		if got := TopKey(in); got != want {
			t.Errorf("TopKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSetSourceCopies: a scenario copied by assignment keeps its sources
// when the copy's sources change.
func TestSetSourceCopies(t *testing.T) {
	a := DefaultScenario()
	a.SetSource("capacity_starts", Source{Kind: FromFile, Detail: "wide.toml"})
	b := a
	b.SetSource("unit_cost.acute.mode", Source{Kind: FromTUI})
	b.SetSource("capacity_starts", Source{})
	if a.SourceOf("capacity_starts").Detail != "wide.toml" || a.SourceOf("unit_cost.acute").Kind != FromDefault {
		t.Errorf("the original's sources changed: %v", a.Sources)
	}
	if b.SourceOf("unit_cost.acute").Kind != FromTUI || b.SourceOf("capacity_starts").Kind != FromDefault {
		t.Errorf("the copy's sources are %v", b.Sources)
	}
}

// TestNoteEdit sources what an edit changed to the editor, leaves a source
// the edit set itself, and gives a value changed back its loaded source.
func TestNoteEdit(t *testing.T) {
	file := Source{Kind: FromFile, Detail: "wide.toml"}
	loaded := DefaultScenario()
	loaded.CapacityStarts = 250
	loaded.SetSource("capacity_starts", file)

	typed := loaded.Clone()
	typed.CapacityStarts = 300
	typed.NoteEdit(loaded, loaded, Source{Kind: FromTUI})
	if got := typed.SourceOf("capacity_starts"); got.Kind != FromTUI {
		t.Errorf("a typed capacity is sourced %v", got)
	}
	if got := typed.Edited(); !slices.Equal(got, []string{"capacity_starts"}) {
		t.Errorf("Edited() = %v", got)
	}

	applied := typed.Clone()
	applied.EnvelopeUpliftM = 400
	goal := Source{Kind: FromAnalysis, Detail: "the goal seek"}
	applied.SetSource("envelope_uplift_m", goal)
	applied.NoteEdit(typed, loaded, Source{Kind: FromTUI})
	if got := applied.SourceOf("envelope_uplift_m"); got != goal {
		t.Errorf("an applied uplift is sourced %v", got)
	}

	back := applied.Clone()
	back.CapacityStarts = 250
	back.NoteEdit(applied, loaded, Source{Kind: FromTUI})
	if got := back.SourceOf("capacity_starts"); got != file {
		t.Errorf("capacity set back to its loaded value is sourced %v, want %v", got, file)
	}
	if got := back.Changed(); !slices.Equal(got, []string{"capacity_starts", "envelope_uplift_m"}) {
		t.Errorf("Changed() = %v", got)
	}
}

package ui

import "corecast/model"

// sources keeps each scenario's values sourced truly as they change in the
// program: a value an edit changes is "set in the TUI" (typed, stepped or reset) unless the edit
// sourced it itself (an analysis applied says which), and a value changed
// back to the one loaded takes back where that came from. It compares each
// scenario with how it last saw it, so no screen has to say what it typed.
type sources struct {
	seen   []model.Scenario // each scenario as last seen
	loaded []model.Scenario // each scenario as first seen: loaded, or made by new, copy, open or calibrate
}

// note records the source of what changed in the scenarios since last seen.
// Scenarios are only ever added, so an index names one scenario for good.
func (s *sources) note(scs []model.Scenario) {
	typed := model.Source{Kind: model.FromTUI}
	for i := range scs {
		if i >= len(s.seen) {
			s.seen = append(s.seen, scs[i].Clone())
			s.loaded = append(s.loaded, scs[i].Clone())
			continue
		}
		scs[i].NoteEdit(s.seen[i], s.loaded[i], typed)
		s.seen[i] = scs[i].Clone()
	}
}

// reload records scenario i, read again from its file, as loaded and seen.
func (s *sources) reload(i int, sc model.Scenario) {
	if i < len(s.seen) {
		s.seen[i], s.loaded[i] = sc.Clone(), sc.Clone()
	}
}

package model

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// SourceKind is where a scenario value came from.
type SourceKind int

// Where a scenario value can come from.
const (
	FromDefault     SourceKind = iota // the key's default
	FromFile                          // a scenario TOML file; Detail names it
	FromSheet                         // a workbook's Scenario sheet; Detail names the file and row
	FromCommandLine                   // --set, --iterations, --seed or --target; Detail is the flag
	FromTUI                           // set by hand in the terminal program
	FromAnalysis                      // applied from an analysis; Detail names it
)

// Source says where one scenario value came from, so that the Assumptions
// sheet can say it truly.
type Source struct {
	Kind   SourceKind
	Detail string // the file, flag or analysis
}

// Text says where a value came from, as the Assumptions sheet and the
// Scenario screen write it; def is where the key's default comes from.
func (src Source) Text(def string) string {
	switch src.Kind {
	case FromFile:
		return "scenario file " + src.Detail
	case FromSheet:
		return "workbook Scenario sheet (" + src.Detail + ")"
	case FromCommandLine:
		return "command line: " + src.Detail
	case FromTUI:
		return "set in the TUI"
	case FromAnalysis:
		return "applied in the TUI from " + src.Detail
	}
	return def
}

// CorrelationKey names the correlation set among a scenario's sources.
const CorrelationKey = "correlation"

// SourceKeys lists every key a source is kept for: the top-level keys in
// TOML order, then the correlation set.
func SourceKeys() []string {
	var out []string
	for _, k := range Keys() {
		out = append(out, k.Name)
	}
	return append(out, CorrelationKey)
}

// TopKey returns the top-level key a dotted key is part of:
// "unit_cost.acute" for "unit_cost.acute.mode", "envelope_uplift_m" for
// "envelope_uplift_m.2020-21". A key it does not know is returned as given
// (lower case).
func TopKey(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	keys := SourceKeys()
	for n := name; ; {
		if slices.Contains(keys, n) {
			return n
		}
		i := strings.LastIndexByte(n, '.')
		if i <= 0 {
			return name
		}
		n = n[:i]
	}
}

// SourceOf returns where the value of key (dotted or top-level) came from.
func (s Scenario) SourceOf(key string) Source { return s.Sources[TopKey(key)] }

// SetSource records where the value of key (dotted or top-level) came from;
// FromDefault forgets it. The map is copied first, so a scenario copied by
// assignment never sees another's source change.
func (s *Scenario) SetSource(key string, src Source) {
	m := maps.Clone(s.Sources)
	if m == nil {
		m = map[string]Source{}
	}
	if src.Kind == FromDefault {
		delete(m, TopKey(key))
	} else {
		m[TopKey(key)] = src
	}
	s.Sources = m
}

// SameValue reports whether key (top-level, or CorrelationKey) has the same
// value in a and b.
func SameValue(key string, a, b Scenario) bool {
	if key == CorrelationKey {
		return slices.Equal(a.Correlations, b.Correlations)
	}
	k, err := LookupKey(key, &a)
	return err == nil && k.Get(&a) == k.Get(&b)
}

// differing lists the keys (SourceKeys) whose values differ between a and
// b, looking each key up once.
func differing(a, b *Scenario) []string {
	var out []string
	for _, k := range Keys() {
		if k.Get(a) != k.Get(b) {
			out = append(out, k.Name)
		}
	}
	if !slices.Equal(a.Correlations, b.Correlations) {
		out = append(out, CorrelationKey)
	}
	return out
}

// Changed lists the keys whose value differs from the default, in
// SourceKeys order.
func (s Scenario) Changed() []string {
	def := DefaultScenario()
	return differing(&s, &def)
}

// SourceChanges records src as the source of every key whose value differs
// from prev's, as an analysis applied to prev does.
func (s *Scenario) SourceChanges(prev Scenario, src Source) {
	for _, k := range differing(s, &prev) {
		s.SetSource(k, src)
	}
}

// NoteEdit records by as the source of every key whose value an edit
// changed (s is the scenario after the edit, prev before it) and whose
// source the edit left alone: an edit that knows better, such as an
// analysis applied, records its own source. A key changed back to its
// value in loaded (the scenario as first read) takes back loaded's source.
func (s *Scenario) NoteEdit(prev, loaded Scenario, by Source) {
	for _, k := range differing(s, &prev) {
		if s.SourceOf(k) != prev.SourceOf(k) {
			continue
		}
		if SameValue(k, *s, loaded) {
			s.SetSource(k, loaded.SourceOf(k))
		} else {
			s.SetSource(k, by)
		}
	}
}

// Edited lists the keys set in the terminal program, typed or applied from
// an analysis, in SourceKeys order.
func (s Scenario) Edited() []string {
	var out []string
	for _, k := range SourceKeys() {
		if kind := s.SourceOf(k).Kind; kind == FromTUI || kind == FromAnalysis {
			out = append(out, k)
		}
	}
	return out
}

// FormatSources writes sources one per line, "key<TAB>kind<TAB>detail", in
// key order, for a file to carry them (ParseSources reads them back).
func FormatSources(src map[string]Source) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(src)) {
		s := src[k]
		fmt.Fprintf(&b, "%s\t%d\t%s\n", k, s.Kind, strings.NewReplacer("\t", " ", "\n", " ").Replace(s.Detail))
	}
	return b.String()
}

// ParseSources reads what FormatSources wrote; lines it cannot read are
// left out.
func ParseSources(text string) map[string]Source {
	out := map[string]Source{}
	for _, line := range strings.Split(text, "\n") {
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			continue
		}
		kind, err := strconv.Atoi(parts[1])
		if err != nil || kind < int(FromDefault) || kind > int(FromAnalysis) {
			continue
		}
		out[parts[0]] = Source{Kind: SourceKind(kind), Detail: parts[2]}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

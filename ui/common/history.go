package common

import (
	"cmp"
	"maps"
	"math"
	"reflect"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"corecast/model"
)

// Step is one change to a scenario: the whole scenario before and after
// it, so that undo and redo put back exactly what was there however much
// changed (an applied table replaces every year at once).
type Step struct {
	// What names the change for messages, as a noun phrase: "the change to
	// optimism_bias", "the goal seek's uplift by year".
	What          string
	Before, After model.Scenario
}

// History is what the screens share about each scenario, by its index in
// Context.Scenarios (scenarios are only ever added, so indices are
// stable): the steps that can be undone and redone, the scenario as loaded
// (for the marker on changed values and d), and the scenario as last
// written with where, for the question on quitting. The zero value is
// ready to use.
type History struct {
	undo, redo map[int][]Step
	loaded     map[int]model.Scenario
	written    map[int]written
	// seq counts the steps made, undone and redone, so that a screen can
	// tell that its message about the last one is stale.
	seq int
}

// written is a scenario as last written, and the file it was written to
// ("" when it has not been written in this session).
type written struct {
	sc   model.Scenario
	path string
}

// init makes the maps of a zero History.
func (h *History) init() {
	if h.undo == nil {
		h.undo, h.redo = map[int][]Step{}, map[int][]Step{}
		h.loaded, h.written = map[int]model.Scenario{}, map[int]written{}
	}
}

// load records sc as scenario i as loaded: from its file or workbook, or as
// made by n, c or o. It is also what "unsaved" is judged against until the
// scenario is written.
func (h *History) load(i int, sc model.Scenario) {
	h.init()
	h.loaded[i] = sc.Clone()
	h.written[i] = written{sc: sc.Clone()}
	delete(h.undo, i)
	delete(h.redo, i)
}

// push records a step of scenario i; a new step clears what could be redone.
func (h *History) push(i int, s Step) {
	h.init()
	h.undo[i] = append(h.undo[i], s)
	h.redo[i] = nil
	h.seq++
}

// Seq changes whenever a step is made, undone or redone, on any screen: a
// message saying what the last step was is stale once it has moved on.
func (h *History) Seq() int { return h.seq }

// move takes scenario i's last step off stack from and puts it on stack to:
// undo moves a step from the undo stack to the redo stack, redo back.
func move(from, to map[int][]Step, i int) (Step, bool) {
	st := from[i]
	if len(st) == 0 {
		return Step{}, false
	}
	s := st[len(st)-1]
	from[i] = st[:len(st)-1]
	to[i] = append(to[i], s)
	return s, true
}

// Edited is the command that tells the root the current scenario changed.
func Edited() tea.Msg { return ScenarioEditedMsg{} }

// Change makes next the current scenario as one step of its history, named
// what, and returns the command that recomputes. Every change a screen
// makes to a scenario goes through here (or Record), so that u undoes it.
func (c *Context) Change(what string, next model.Scenario) tea.Cmd {
	before := c.Scenario().Clone()
	*c.Scenario() = next.Clone()
	c.History.push(c.Current, Step{What: what, Before: before, After: next.Clone()})
	return Edited
}

// Record records, as one step named what, a change already made to the
// current scenario from before: the value editor applies what is typed as
// it is typed and records the edit once, when it is done. It reports
// whether there was a change to record.
func (c *Context) Record(what string, before model.Scenario) bool {
	if Same(before, *c.Scenario()) {
		return false
	}
	c.History.push(c.Current, Step{What: what, Before: before.Clone(), After: c.Scenario().Clone()})
	return true
}

// Undo takes the current scenario back to before its latest step. It
// returns what to tell the user, and the command that recomputes (nil when
// there was nothing to undo).
func (c *Context) Undo() (string, tea.Cmd) {
	c.History.init()
	s, ok := move(c.History.undo, c.History.redo, c.Current)
	if !ok {
		return "Nothing to undo.", nil
	}
	*c.Scenario() = s.Before.Clone()
	c.History.seq++
	return "Undid " + s.What + " (ctrl+r redoes it).", Edited
}

// Redo makes again the step last undone of the current scenario.
func (c *Context) Redo() (string, tea.Cmd) {
	c.History.init()
	s, ok := move(c.History.redo, c.History.undo, c.Current)
	if !ok {
		return "Nothing to redo.", nil
	}
	*c.Scenario() = s.After.Clone()
	c.History.seq++
	return "Redid " + s.What + ".", Edited
}

// Steps returns the steps of scenario i that u would undo, oldest first.
func (h *History) Steps(i int) []Step { return h.undo[i] }

// Loaded returns the current scenario as loaded: from its file or
// workbook, or as made in this session.
func (c *Context) Loaded() model.Scenario {
	c.History.init()
	if _, ok := c.History.loaded[c.Current]; !ok {
		// A scenario the root did not register (a context built by hand)
		// is taken as loaded when first asked about.
		c.History.load(c.Current, *c.Scenario())
	}
	return c.History.loaded[c.Current]
}

// Add appends sc as a new scenario, as loaded, and makes it current. When
// from is not nil, sc was made from it by a change named what (a
// calibration): the new scenario then starts as a copy of from, named as
// sc, with that change as its first step, so that u takes the change back
// and the values it changed are marked.
func (c *Context) Add(sc model.Scenario, from *model.Scenario, what string) {
	first := sc
	if from != nil {
		first = from.Clone()
		first.Name = sc.Name
	}
	c.Scenarios = append(c.Scenarios, first.Clone())
	c.Results = append(c.Results, nil)
	c.RunErrs = append(c.RunErrs, nil)
	c.Current = len(c.Scenarios) - 1
	c.History.load(c.Current, first)
	if from != nil {
		c.Change(what, sc)
	}
}

// Reload replaces scenario i with sc as read again from its file: it is
// then as loaded, with no steps to undo, and its result (of the scenario
// before) is dropped.
func (c *Context) Reload(i int, sc model.Scenario) {
	c.Scenarios[i] = sc.Clone()
	c.History.load(i, sc)
	c.History.seq++
	c.Results[i], c.RunErrs[i] = nil, nil
}

// LoadAll records every scenario as loaded, when the program starts.
func (c *Context) LoadAll() {
	for i, sc := range c.Scenarios {
		c.History.load(i, sc)
	}
}

// Written records that scenario i was written as sc to path: it is
// unsaved again only when it differs from sc, and saving it on quitting
// replaces that file.
func (c *Context) Written(i int, sc model.Scenario, path string) {
	c.History.init()
	c.History.written[i] = written{sc: sc.Clone(), path: path}
}

// WrittenTo returns the file scenario i was last written to in this
// session, or "".
func (c *Context) WrittenTo(i int) string {
	c.History.init()
	return c.History.written[i].path
}

// Unsaved lists the scenarios that differ from the scenario as loaded or,
// once written, as last written.
func (c *Context) Unsaved() []int {
	c.History.init()
	var out []int
	for i, sc := range c.Scenarios {
		w, ok := c.History.written[i]
		if ok && !Same(w.sc, sc) {
			out = append(out, i)
		}
	}
	return out
}

// Same reports whether a and b are the same scenario: every value equal,
// parameters a distribution does not use (NaN) counting as equal, an empty
// table as no table, and correlations in any order.
func Same(a, b model.Scenario) bool {
	for i := range a.UnitCost {
		if !sameDist(a.UnitCost[i], b.UnitCost[i]) {
			return false
		}
	}
	for _, d := range [][2]model.Distribution{
		{a.SizeElasticity, b.SizeElasticity}, {a.OptimismBias, b.OptimismBias},
		{a.DurationBias, b.DurationBias}, {a.DeployYears, b.DeployYears}, {a.Inflation, b.Inflation},
	} {
		if !sameDist(d[0], d[1]) {
			return false
		}
	}
	if !maps.Equal(a.EnvelopeUpliftByYear, b.EnvelopeUpliftByYear) ||
		!slices.Equal(sortedCorr(a.Correlations), sortedCorr(b.Correlations)) {
		return false
	}
	// What is left is plain values, which == compares. Where a value came
	// from (Sources) is not a value: a value set back is the same value.
	plain := func(s model.Scenario) model.Scenario {
		s.SizeElasticity, s.OptimismBias, s.DurationBias = model.Distribution{}, model.Distribution{}, model.Distribution{}
		s.DeployYears, s.Inflation, s.UnitCost = model.Distribution{}, model.Distribution{}, [model.NumTrustTypes]model.Distribution{}
		s.EnvelopeUpliftByYear, s.Correlations, s.Sources = nil, nil, nil
		return s
	}
	return reflect.DeepEqual(plain(a), plain(b))
}

// sameDist compares two distributions, NaN equal to NaN.
func sameDist(a, b model.Distribution) bool {
	eq := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
	return a.Kind == b.Kind && eq(a.Value, b.Value) && eq(a.Min, b.Min) && eq(a.Mode, b.Mode) &&
		eq(a.Max, b.Max) && eq(a.Mean, b.Mean) && eq(a.SD, b.SD) && eq(a.Median, b.Median) &&
		eq(a.Sigma, b.Sigma) && eq(a.P10, b.P10) && eq(a.P90, b.P90)
}

// sortedCorr returns the correlations in a fixed order, each pair with its
// names in order, so that sets can be compared.
func sortedCorr(cs []model.Correlation) []model.Correlation {
	out := make([]model.Correlation, len(cs))
	for i, c := range cs {
		if c.B < c.A {
			c.A, c.B = c.B, c.A
		}
		out[i] = c
	}
	slices.SortFunc(out, func(x, y model.Correlation) int {
		return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B), cmp.Compare(x.Rho, y.Rho))
	})
	return out
}

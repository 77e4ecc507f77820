package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"

	"corecast/format"
)

// benchTarget is a DESIGN §10 target: a measured value must be below
// (Op "<"), at most ("≤") or at least ("≥") Limit.
type benchTarget struct {
	Op    string  `json:"op"`
	Limit float64 `json:"limit"`
}

// met reports whether v meets the target.
func (t benchTarget) met(v float64) bool {
	switch t.Op {
	case "<":
		return v < t.Limit
	case "≤":
		return v <= t.Limit
	case "≥":
		return v >= t.Limit
	}
	return false
}

// benchFigure is one row of corecast bench's table.
type benchFigure struct {
	Key   string   `json:"key"`    // a stable name for scripts
	Label string   `json:"figure"` // what was measured, for people
	Value *float64 `json:"value"`  // nil when not measured
	Unit  string   `json:"unit"`
	// Target is the DESIGN §10 target, if the figure has one.
	Target *benchTarget `json:"target,omitempty"`
	// Met is whether Value meets Target; nil without a target, when not
	// measured, or when the target is for sizes other than those run.
	Met *bool `json:"met"`
	// Note says why a figure was not measured or is not judged.
	Note string `json:"note,omitempty"`
	// digits is the number of decimals shown.
	digits int
}

// measured returns the figure with its value, judged against its target
// unless judge is false (the sizes run are not the target's). A value that
// is not a number (a time too short to divide by) is left unmeasured.
func (f benchFigure) measured(v float64, judge bool) benchFigure {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return f.skipped("not measurable at these sizes")
	}
	f.Value = &v
	if f.Target != nil {
		if judge {
			m := f.Target.met(v)
			f.Met = &m
		} else {
			f.Note = "iterations scaled by --iterations-scale: the target is for the full sizes"
		}
	}
	return f
}

// skipped returns the figure not measured, saying why.
func (f benchFigure) skipped(why string) benchFigure {
	f.Note = why
	return f
}

// withTarget returns the figure with a target.
func (f benchFigure) withTarget(op string, limit float64) benchFigure {
	f.Target = &benchTarget{Op: op, Limit: limit}
	return f
}

// benchReport is everything corecast bench prints.
type benchReport struct {
	Version    string        `json:"version"`
	GoVersion  string        `json:"go_version"`
	OS         string        `json:"os"`
	Arch       string        `json:"arch"`
	NumCPU     int           `json:"num_cpu"`
	GOMAXPROCS int           `json:"gomaxprocs"`
	Repeat     int           `json:"repeat"`
	Quick      bool          `json:"quick"`
	Scale      float64       `json:"iterations_scale"`
	Figures    []benchFigure `json:"figures"`
	// notes are the lines after the table, saying how figures were taken.
	notes []string
}

// newBenchReport describes the machine and the settings of a bench run.
func newBenchReport(version string, repeat int, quick bool, scale float64) *benchReport {
	return &benchReport{Version: version, GoVersion: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH,
		NumCPU: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0), Repeat: repeat, Quick: quick, Scale: scale}
}

// add appends figures to the report.
func (r *benchReport) add(fs ...benchFigure) { r.Figures = append(r.Figures, fs...) }

// note adds a line after the table.
func (r *benchReport) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

// writeJSON writes the report as one JSON document.
func (r *benchReport) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("writing the bench report: %w", err)
	}
	return nil
}

// writeTable writes the report as a plain aligned table: each figure, its
// measured value, its target and whether it is met.
func (r *benchReport) writeTable(w io.Writer) error {
	var b strings.Builder
	timed := "each time the fastest of " + format.Int(r.Repeat) + " runs"
	if r.Repeat == 1 {
		timed = "each time taken once"
	}
	fmt.Fprintf(&b, "corecast bench (%s) on %s %s/%s: %d CPUs (runtime.NumCPU), GOMAXPROCS %d; %s\n\n",
		r.Version, r.GoVersion, r.OS, r.Arch, r.NumCPU, r.GOMAXPROCS, timed)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tmeasured\ttarget\tmet")
	for _, f := range r.Figures {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Label, f.valueText(), f.targetText(), f.metText())
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing the bench table: %w", err)
	}
	if len(r.notes) > 0 {
		b.WriteString("\n")
		for _, n := range r.notes {
			b.WriteString(n + "\n")
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing the bench table: %w", err)
	}
	return nil
}

// number writes v with the figure's decimals and unit.
func (f benchFigure) number(v float64) string { return f.withUnit(fmt.Sprintf("%.*f", f.digits, v)) }

// withUnit writes the number s with the figure's unit.
func (f benchFigure) withUnit(s string) string {
	switch f.Unit {
	case "":
		return s
	case "%", "×":
		return s + f.Unit
	}
	return s + " " + f.Unit
}

func (f benchFigure) valueText() string {
	if f.Value == nil {
		return f.Note
	}
	return f.number(*f.Value)
}

func (f benchFigure) targetText() string {
	if f.Target == nil {
		return "-"
	}
	return f.Target.Op + " " + f.withUnit(strconv.FormatFloat(f.Target.Limit, 'g', -1, 64))
}

func (f benchFigure) metText() string {
	switch {
	case f.Met == nil && f.Value != nil && f.Target != nil:
		return "n/a (scaled)"
	case f.Met == nil:
		return "-"
	case *f.Met:
		return "yes"
	}
	return "no"
}

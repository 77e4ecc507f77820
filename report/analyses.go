package report

import (
	"fmt"
	"strconv"
	"strings"

	"corecast/forecast"
)

// Goal-seek levers as the analyses record (and --goal-lever) names them.
const (
	LeverEnvelope = "envelope" // the least uniform uplift (forecast.GoalSeekUplift)
	LeverCapacity = "capacity" // the least capacity_starts (forecast.GoalSeekCapacity)
	LeverPhased   = "phased"   // the least uplift table (forecast.GoalSeekPhased)
)

// Analyses says which analyses of DESIGN §7 a run carries and how each was
// asked for: enough to compute them again from an export alone, which is
// what corecast verify does. Its String form is the Manifest's analyses
// row; ParseAnalyses reads it back.
type Analyses struct {
	Sensitivity bool
	// Frontier holds the frontier's options; nil for no frontier.
	Frontier *forecast.FrontierOptions
	// GoalSeeks are the goal seeks in the order of Run.GoalSeek. A phased
	// one sets Run.Phased and puts its uniform answer in Run.GoalSeek.
	GoalSeeks []GoalSeek
	// Phased is a phased goal seek whose uniform answer is not in
	// Run.GoalSeek; nil when there is none.
	Phased *GoalSeek
	// Investment lists the answers set out as money by year, in the order
	// of Run.Investment: InvestPhased for the phased answer,
	// InvestPhasedUniform for the phased goal seek's uniform one when it
	// is not in Run.GoalSeek, k ≥ 1 for the answer of Run.GoalSeek[k-1].
	// InvestUnknown marks one whose answer the run does not show, which
	// cannot be computed again.
	Investment []int
}

// Entries of Analyses.Investment that are not goal seeks.
const (
	InvestPhased        = 0
	InvestUnknown       = -1
	InvestPhasedUniform = -2
)

// GoalSeek is how one goal seek was asked for.
type GoalSeek struct {
	Lever      string  // LeverEnvelope, LeverCapacity or LeverPhased
	P          float64 // the probability sought
	ToleranceM float64 // the uplift's precision, £m (envelope and phased)
	Objective  string  // forecast.ObjectiveTotal or ObjectivePV (phased)
}

// AnalysesOf reads the analyses a run carries from its results, which hold
// every setting they were made with, so that a run from any source (a
// batch run's flags, the TUI's screens) records them alike.
func AnalysesOf(r Run) Analyses {
	var a Analyses
	a.Sensitivity = r.Sensitivity != nil
	if r.Frontier != nil {
		fo := r.Frontier.Options
		a.Frontier = &fo
	}
	phasedIn := false
	for _, g := range r.GoalSeek {
		switch {
		case r.Phased != nil && g == r.Phased.Uniform:
			a.GoalSeeks = append(a.GoalSeeks, phasedSeek(r.Phased))
			phasedIn = true
		case g.Lever == forecast.LeverCapacity:
			a.GoalSeeks = append(a.GoalSeeks, GoalSeek{Lever: LeverCapacity, P: g.Goal})
		default:
			a.GoalSeeks = append(a.GoalSeeks, GoalSeek{Lever: LeverEnvelope, P: g.Goal, ToleranceM: g.ToleranceM})
		}
	}
	if r.Phased != nil && !phasedIn {
		ph := phasedSeek(r.Phased)
		a.Phased = &ph
	}
	for _, iv := range r.Investment {
		a.Investment = append(a.Investment, investmentSource(r, iv))
	}
	return a
}

// phasedSeek is how a phased goal seek was asked for.
func phasedSeek(ph *forecast.PhasedResult) GoalSeek {
	return GoalSeek{Lever: LeverPhased, P: ph.Goal, ToleranceM: ph.ToleranceM, Objective: ph.Objective}
}

// investmentSource finds the answer iv sets out: the phased one, or the
// first goal seek whose answer has iv's name.
func investmentSource(r Run, iv *forecast.Investment) int {
	if iv.Answer == AnswerPhased && r.Phased != nil {
		return InvestPhased
	}
	for k, g := range r.GoalSeek {
		if AnswerName(g) == iv.Answer {
			return k + 1
		}
	}
	if r.Phased != nil && r.Phased.Uniform != nil && AnswerName(r.Phased.Uniform) == iv.Answer {
		return InvestPhasedUniform
	}
	return InvestUnknown
}

// String writes the analyses as one line of items separated by "; ", each
// a name and its settings, numbers in full: e.g. "sensitivity; goal_seek
// lever=phased p=0.8 tolerance=1 objective=total; investment
// answers=phased,goal_seek1"; "none" when there are none.
func (a Analyses) String() string {
	var items []string
	if a.Sensitivity {
		items = append(items, "sensitivity")
	}
	if f := a.Frontier; f != nil {
		items = append(items, fmt.Sprintf("frontier p=%s uplift_max=%s uplift_steps=%d capacity_min=%d capacity_max=%d capacity_steps=%d tolerance=%s",
			exactNum(f.Goal), exactNum(f.UpliftMax), f.UpliftSteps, f.CapacityMin, f.CapacityMax, f.CapacitySteps, exactNum(f.ToleranceM)))
	}
	for _, g := range a.GoalSeeks {
		items = append(items, "goal_seek "+g.settings())
	}
	if a.Phased != nil {
		items = append(items, "phased "+strings.TrimPrefix(a.Phased.settings(), "lever=phased "))
	}
	if len(a.Investment) > 0 {
		answers := make([]string, len(a.Investment))
		for i, k := range a.Investment {
			switch {
			case k == InvestPhased:
				answers[i] = "phased"
			case k == InvestPhasedUniform:
				answers[i] = "phased_uniform"
			case k > 0:
				answers[i] = "goal_seek" + strconv.Itoa(k)
			default:
				answers[i] = "unknown"
			}
		}
		items = append(items, "investment answers="+strings.Join(answers, ","))
	}
	if len(items) == 0 {
		return "none"
	}
	return strings.Join(items, "; ")
}

// settings writes a goal seek's settings: "lever=envelope p=0.8 tolerance=1".
func (g GoalSeek) settings() string {
	s := "lever=" + g.Lever + " p=" + exactNum(g.P)
	if g.Lever != LeverCapacity {
		s += " tolerance=" + exactNum(g.ToleranceM)
	}
	if g.Lever == LeverPhased {
		s += " objective=" + g.Objective
	}
	return s
}

// exactNum writes a number so that it reads back as the same float64.
func exactNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// ParseAnalyses reads the line String writes.
func ParseAnalyses(s string) (Analyses, error) {
	var a Analyses
	s = strings.TrimSpace(s)
	if s == "none" || s == "" {
		return a, nil
	}
	for _, item := range strings.Split(s, ";") {
		fields := strings.Fields(item)
		if len(fields) == 0 {
			continue
		}
		kv, err := settingsOf(fields[1:])
		if err != nil {
			return Analyses{}, fmt.Errorf("analyses %q: %w", strings.TrimSpace(item), err)
		}
		if err := a.add(fields[0], kv); err != nil {
			return Analyses{}, fmt.Errorf("analyses %q: %w", strings.TrimSpace(item), err)
		}
	}
	return a, nil
}

// settings are an item's key=value pairs, read one at a time by take.
type settings map[string]string

// settingsOf splits key=value fields.
func settingsOf(fields []string) (settings, error) {
	kv := settings{}
	for _, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return nil, fmt.Errorf("%q is not key=value", f)
		}
		kv[k] = v
	}
	return kv, nil
}

// add reads one item of the line into a.
func (a *Analyses) add(name string, kv settings) error {
	var err error
	switch name {
	case "sensitivity":
		a.Sensitivity = true
	case "frontier":
		f := &forecast.FrontierOptions{}
		f.Goal = kv.float("p", &err)
		f.UpliftMax = kv.float("uplift_max", &err)
		f.UpliftSteps = kv.int("uplift_steps", &err)
		f.CapacityMin = kv.int("capacity_min", &err)
		f.CapacityMax = kv.int("capacity_max", &err)
		f.CapacitySteps = kv.int("capacity_steps", &err)
		f.ToleranceM = kv.float("tolerance", &err)
		a.Frontier = f
	case "goal_seek", "phased":
		lever := LeverPhased
		if name == "goal_seek" {
			lever = kv["lever"]
		}
		g := GoalSeek{Lever: lever, P: kv.float("p", &err)}
		switch lever {
		case LeverPhased:
			g.ToleranceM, g.Objective = kv.float("tolerance", &err), kv["objective"]
			if g.Objective != forecast.ObjectiveTotal && g.Objective != forecast.ObjectivePV {
				return fmt.Errorf("objective %q: want total or pv", g.Objective)
			}
		case LeverEnvelope:
			g.ToleranceM = kv.float("tolerance", &err)
		case LeverCapacity:
		default:
			return fmt.Errorf("lever %q: want envelope, capacity or phased", lever)
		}
		if name == "phased" {
			a.Phased = &g
		} else {
			a.GoalSeeks = append(a.GoalSeeks, g)
		}
	case "investment":
		for _, s := range strings.Split(kv["answers"], ",") {
			k := InvestUnknown
			switch n, e := strconv.Atoi(strings.TrimPrefix(s, "goal_seek")); {
			case s == "phased":
				k = InvestPhased
			case s == "phased_uniform":
				k = InvestPhasedUniform
			case e == nil && n > 0 && strings.HasPrefix(s, "goal_seek"):
				k = n
			}
			a.Investment = append(a.Investment, k)
		}
	default:
		return fmt.Errorf("unknown analysis %q", name)
	}
	return err
}

// float reads a number setting, keeping the first error in err.
func (kv settings) float(key string, err *error) float64 {
	v, e := strconv.ParseFloat(kv[key], 64)
	if e != nil && *err == nil {
		*err = fmt.Errorf("%s=%q: want a number", key, kv[key])
	}
	return v
}

// int reads a whole-number setting, keeping the first error in err.
func (kv settings) int(key string, err *error) int {
	v, e := strconv.Atoi(kv[key])
	if e != nil && *err == nil {
		*err = fmt.Errorf("%s=%q: want a whole number", key, kv[key])
	}
	return v
}

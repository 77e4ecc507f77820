package report

import (
	"fmt"
	"strconv"
	"strings"

	"corecast/forecast"
	"corecast/format"
)

// calibrateHint names the analysis that fits delivery to the observations,
// which is what a user told that history disagrees should try next.
const calibrateHint = "try corecast calibrate --delivery"

// HindcastVerdict words the verdict of a hindcast (DESIGN §7, "the hindcast
// speaks") as one sentence, the same on every front end: the run's summary
// on stderr, the Overview and the Hindcast sheet. It says which way delivery
// differs when an observed count lies outside its forecast P10–P90, naming
// every such year, and when the forecast scores worse than the observed
// base rate, then names calibrate --delivery, e.g. "history says delivery
// is slower than this scenario assumes: 32 of 73 observed core by 2023-24,
// forecast 43–73 (P10–P90); try corecast calibrate --delivery". It is empty
// without a hindcast or when history agrees with the scenario.
func HindcastVerdict(h *forecast.Hindcast) string {
	if h == nil || !h.Verdict.Warns() {
		return ""
	}
	var parts []string
	for _, p := range []forecast.Pace{forecast.Slower, forecast.Faster} {
		var years []string
		for _, y := range h.Years {
			if y.Pace != p {
				continue
			}
			if len(years) == 0 {
				years = append(years, fmt.Sprintf("%d of %d observed core by %s, forecast %s (P10–P90)", y.ObservedCore, y.Trusts, y.Year, band(y)))
			} else {
				years = append(years, fmt.Sprintf("%d of %d by %s, forecast %s", y.ObservedCore, y.Trusts, y.Year, band(y)))
			}
		}
		if len(years) == 0 {
			continue
		}
		lead := "history says delivery is " + paceWord(p) + " than this scenario assumes: "
		if len(parts) > 0 {
			lead = "and " + paceWord(p) + " than it assumes: "
		}
		parts = append(parts, lead+andList(years))
	}
	if h.Verdict.WorseThanBaseRate {
		b, base := brierPair(h.Brier, h.Verdict.BaseRateBrier)
		parts = append(parts, "the forecast scores worse than the observed base rate: Brier "+b+" against "+base)
	}
	// The parts hold commas of their own, so semicolons divide them.
	return strings.Join(append(parts, calibrateHint), "; ")
}

// HindcastVerdictShort is HindcastVerdict in fewer words, for a screen too
// narrow for the sentence: the latest year outside its band alone, or, when
// every year is within, the Brier comparison. It is empty when
// HindcastVerdict is.
func HindcastVerdictShort(h *forecast.Hindcast) string {
	if h == nil || !h.Verdict.Warns() {
		return ""
	}
	for k := len(h.Years) - 1; k >= 0; k-- {
		if y := h.Years[k]; y.Pace != forecast.AsForecast {
			return fmt.Sprintf("history says delivery is %s than assumed: %d of %d core by %s, forecast %s; %s",
				paceWord(y.Pace), y.ObservedCore, y.Trusts, y.Year, band(y), calibrateHint)
		}
	}
	b, base := brierPair(h.Brier, h.Verdict.BaseRateBrier)
	return fmt.Sprintf("the forecast scores worse than the observed base rate (Brier %s against %s); %s", b, base, calibrateHint)
}

// paceWord is how an observed year's delivery compares with the
// scenario's assumption: slower, faster, or within the forecast band.
func paceWord(p forecast.Pace) string {
	switch p {
	case forecast.Slower:
		return "slower"
	case forecast.Faster:
		return "faster"
	}
	return "within"
}

// band writes a year's forecast P10–P90 of the count, "43–73".
func band(y forecast.HindcastYear) string {
	return format.CountQuantile(y.P10) + "–" + format.CountQuantile(y.P90)
}

// andList joins items as "a, b, and c": the items hold commas of their
// own, so the last is set off by ", and" even when there are only two.
func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + ", and " + items[len(items)-1]
}

// brierPair writes two Brier scores with two decimals, or as many more (up
// to six) as it takes for them to read differently: a verdict of "worse"
// should never read "0.21 against 0.21".
func brierPair(a, b float64) (string, string) {
	for d := 2; ; d++ {
		x, y := strconv.FormatFloat(a, 'f', d, 64), strconv.FormatFloat(b, 'f', d, 64)
		if x != y || d == 6 {
			return x, y
		}
	}
}

package overview

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/report"
	"corecast/ui/styles"
)

// verdictLines is the most lines the hindcast's verdict may take on the
// Overview: more would push the charts off an 80×24 screen.
const verdictLines = 2

// verdictView is the hindcast's verdict (report.HindcastVerdict) as a
// warning under the headline, wrapped to w cells: the sentence when it fits
// in verdictLines lines, otherwise its shorter form (which fits at 80
// columns), cut with an ellipsis on a narrower screen. It is empty when
// history agrees with the scenario, so an Overview without a quarrel with
// history looks as it always did.
func verdictView(st *styles.Styles, h *forecast.Hindcast, w int) string {
	if w <= 1 {
		return ""
	}
	text := wrapVerdict(report.HindcastVerdict(h), w)
	if len(text) > verdictLines {
		text = wrapVerdict(report.HindcastVerdictShort(h), w)
	}
	if len(text) == 0 {
		return ""
	}
	if len(text) > verdictLines {
		text = text[:verdictLines]
		last := []rune(text[verdictLines-1])
		for len(last) > 0 && lipgloss.Width(string(last)+"…") > w {
			last = last[:len(last)-1]
		}
		text[verdictLines-1] = string(last) + "…"
	}
	// Line by line: a block would be padded to its widest line.
	for i, l := range text {
		text[i] = st.Warn.Render(l)
	}
	return strings.Join(text, "\n")
}

// wrapVerdict capitalises a verdict, as it opens a line of its own, and
// wraps it at spaces into lines of at most w cells.
func wrapVerdict(s string, w int) []string {
	if s == "" {
		return nil
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	wrapped := lipgloss.NewStyle().Width(w).Render(s)
	lines := strings.Split(wrapped, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Pad pads s with spaces on the right to n terminal cells (styles and wide
// characters counted as the terminal shows them).
func Pad(s string, n int) string {
	if g := n - lipgloss.Width(s); g > 0 {
		return s + strings.Repeat(" ", g)
	}
	return s
}

// PadLeft pads s with spaces on the left to n terminal cells.
func PadLeft(s string, n int) string {
	if g := n - lipgloss.Width(s); g > 0 {
		return strings.Repeat(" ", g) + s
	}
	return s
}

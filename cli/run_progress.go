package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
)

// barWidth is the width of the progress bar in cells.
const barWidth = 40

// progressBar draws a one-line progress bar on a terminal and does nothing
// on anything else.
type progressBar struct {
	w     io.Writer // nil when not drawing
	last  time.Time
	shown bool
}

// newProgressBar draws on w only when w is a terminal and not quiet.
func newProgressBar(w io.Writer, quiet bool) *progressBar {
	p := &progressBar{}
	f, ok := w.(*os.File)
	if quiet || !ok || !(isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
		return p
	}
	p.w = w
	return p
}

// show redraws the bar, at most ten times a second, and at the end.
func (p *progressBar) show(label string, done, total int) {
	if p.w == nil || total <= 0 {
		return
	}
	now := time.Now()
	if done < total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\r%s %s", barView(float64(done)/float64(total)), label)
}

// barView draws a bar filled to share (0–1) with its percentage.
func barView(share float64) string {
	share = min(max(share, 0), 1)
	full := int(share*barWidth + 0.5)
	return strings.Repeat("█", full) + strings.Repeat("░", barWidth-full) + fmt.Sprintf(" %3.0f%%", 100*share)
}

// clear erases the bar's line.
func (p *progressBar) clear() {
	if p.w == nil || !p.shown {
		return
	}
	p.shown = false
	fmt.Fprint(p.w, "\r\033[K")
}

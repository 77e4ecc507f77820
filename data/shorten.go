package data

import "strconv"

// shownChars is how much of a long value, heading or sheet name a message
// shows: enough to find it, not so much that one cell of a hostile file
// fills the terminal or hides the other problems.
const shownChars = 60

// shortText returns s, or when it is longer than shownChars characters, its
// first shownChars followed by "…" and how long it is, as
// "Lorem ipsum… (40,000 characters)".
func shortText(s string) string {
	cut, n, ok := cutText(s)
	if !ok {
		return s
	}
	return cut + "… (" + formatThousands(n) + " characters)"
}

// quoteShort quotes s for a message as strconv.Quote does, shortened as
// shortText does with its length outside the quotes.
func quoteShort(s string) string {
	cut, n, ok := cutText(s)
	if !ok {
		return strconv.Quote(s)
	}
	return strconv.Quote(cut+"…") + " (" + formatThousands(n) + " characters)"
}

// cutText returns the first shownChars characters of s and the count of
// all of them (an invalid byte counts as one, as range reads it), with ok
// false when s is no longer than that.
func cutText(s string) (cut string, n int, ok bool) {
	if len(s) <= shownChars {
		return s, 0, false
	}
	end := 0
	for i := range s {
		if n == shownChars {
			end = i
		}
		n++
	}
	if n <= shownChars {
		return s, 0, false
	}
	return s[:end], n, true
}

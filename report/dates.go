package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// SourceDateEpochVar is the environment variable that fixes the dates an
// export records, as reproducible-builds.org defines it: whole seconds
// since 1970-01-01 00:00:00 UTC.
const SourceDateEpochVar = "SOURCE_DATE_EPOCH"

// ParseSourceDateEpoch reads the value of SOURCE_DATE_EPOCH: the zero time
// (dates are then the real ones) for an empty value, otherwise the moment it
// names, in UTC. A value that is not a whole number of seconds, or names a
// year outside 1–9999 (which the workbook's dates cannot hold), is an error.
func ParseSourceDateEpoch(value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	const first, last = -62135596800, 253402300799 // 0001-01-01 and 9999-12-31T23:59:59Z
	secs, err := strconv.ParseInt(value, 10, 64)
	if err != nil || strings.HasPrefix(value, "+") || secs < first || secs > last {
		return time.Time{}, fmt.Errorf("%s=%q: want whole seconds since 1970-01-01 00:00:00 UTC, such as the output of date +%%s", SourceDateEpochVar, value)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// stamp is the date an export records as its own: the source date when one
// is set, so that the same runs give the same bytes, otherwise now.
func (o Options) stamp() time.Time {
	if !o.SourceDate.IsZero() {
		return o.SourceDate.UTC()
	}
	return time.Now().UTC()
}

// Zip entry times can only say 1980-01-01 to 2107-12-31 (MS-DOS dates), and
// their extended timestamps end in 2106; an entry time left unset reads as
// DOS date 0, which is no date at all (unzip shows 1979-11-30).
var (
	firstZipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	lastZipTime  = time.Date(2106, 1, 1, 0, 0, 0, 0, time.UTC)
)

// zipTime is t as a zip entry can record it: clamped to the dates a zip
// entry can hold, so that every entry carries a valid date.
func zipTime(t time.Time) time.Time {
	t = t.UTC().Truncate(time.Second)
	if t.Before(firstZipTime) {
		return firstZipTime
	}
	if t.After(lastZipTime) {
		return lastZipTime
	}
	return t
}

package trusts

import (
	"slices"
	"strconv"
	"strings"

	"corecast/data"
	"corecast/forecast"
	"corecast/model"
)

// query is the Trusts filter as typed: `region:` and `type:` terms and
// plain words, every one of which a trust must match. Regions and types are
// read as the Trusts sheet's columns read them (any case, filler words
// dropped, aliases such as "nw" or "mh"), so that a filter finds exactly the
// trusts the Regions screen counts; plain words match the code or the name.
type query struct {
	regions []model.Region
	types   []model.TrustType
	words   []string // lower case
	// problem says why a term names no region or type; nothing matches then.
	problem string
	// hint offers the region or type that plain text names, since
	// "north west" as text also finds trusts of other regions by name.
	hint string
}

// maxValueWords bounds how many words a region or type may take: the
// longest, "mental health and learning disabilities", has six.
const maxValueWords = 6

// parseQuery reads a filter. A term's value runs over the following words
// as far as they still name a region or type, so that `region:north west
// leeds` is the region and the word "leeds"; quotes keep words together,
// as in `region:"north west"`.
func parseQuery(text string) query {
	var q query
	toks := tokens(text)
	for i := 0; i < len(toks); i++ {
		field, value, ok := fieldTerm(toks[i])
		if !ok {
			q.words = append(q.words, strings.ToLower(toks[i]))
			continue
		}
		first := i
		if value == "" && i+1 < len(toks) { // "region: london"
			first, value = i+1, toks[i+1]
		}
		end, found := -1, false
		for j, v := first, value; j < len(toks) && j < first+maxValueWords; j++ {
			if j > first {
				if _, _, term := fieldTerm(toks[j]); term {
					break
				}
				v += " " + toks[j]
			}
			if q.add(field, v, false) {
				end, found, value = j, true, v
			}
		}
		if !found {
			q.problem = "no " + field + " " + strconv.Quote(value) + ": try " + example(field)
			end = first
		} else {
			q.add(field, value, true)
		}
		i = end
	}
	if len(q.regions)+len(q.types) == 0 && len(q.words) > 0 {
		phrase := strings.Join(q.words, " ")
		if _, ok := data.ReadRegion(phrase); ok {
			q.hint = "region:" + phrase + " filters by region"
		} else if _, ok := data.ReadTrustType(phrase); ok {
			q.hint = "type:" + phrase + " filters by type"
		}
	}
	return q
}

// add reads value as a region or type and, if keep is set, adds it to the
// query; it reports whether value names one.
func (q *query) add(field, value string, keep bool) bool {
	if field == "region" {
		r, ok := data.ReadRegion(value)
		if ok && keep {
			q.regions = append(q.regions, r)
		}
		return ok
	}
	t, ok := data.ReadTrustType(value)
	if ok && keep {
		q.types = append(q.types, t)
	}
	return ok
}

// example suggests terms for a field.
func example(field string) string {
	if field == "region" {
		return "region:london or region:nw"
	}
	return "type:acute or type:mh"
}

// fieldTerm splits a `region:` or `type:` term (any case) into its field,
// lower case, and value.
func fieldTerm(tok string) (field, value string, ok bool) {
	f, v, found := strings.Cut(tok, ":")
	f = strings.ToLower(f)
	if !found || (f != "region" && f != "type") {
		return "", "", false
	}
	return f, v, true
}

// tokens splits text at spaces, keeping what is in double quotes together
// (without the quotes).
func tokens(text string) []string {
	var out []string
	var b strings.Builder
	quoted := false
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range text {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ' ' || r == '\t'):
			flush()
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return out
}

// matches reports whether a trust matches every term (any trust, when
// there are none).
func (q query) matches(r *forecast.TrustResult) bool {
	t := r.Trust
	if q.problem != "" {
		return false
	}
	for _, rg := range q.regions {
		if t.Region != rg {
			return false
		}
	}
	for _, ty := range q.types {
		if t.Type != ty {
			return false
		}
	}
	code, name := strings.ToLower(t.Code), strings.ToLower(t.Name)
	return !slices.ContainsFunc(q.words, func(w string) bool {
		return !strings.Contains(code, w) && !strings.Contains(name, w)
	})
}

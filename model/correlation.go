package model

import (
	"fmt"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/mat"
)

// CorrelationTarget builds the target rank correlation matrix of DESIGN §5
// step 1 over the scenario-level inputs named in any correlation: it
// returns their indices (see InputNames), ascending, and the matrix, 1 on the
// diagonal and rho for each pair given. The full matrix over all NumInputs
// inputs is this one with the identity for the inputs left out, so it is
// positive definite exactly when this one is. Names that are not inputs are
// skipped (Validate reports them); with no correlations both are nil.
func CorrelationTarget(cs []Correlation) ([]int, *mat.SymDense) {
	var involved []int
	for _, c := range cs {
		for _, name := range []string{c.A, c.B} {
			if i, ok := InputIndex(name); ok && !slices.Contains(involved, i) {
				involved = append(involved, i)
			}
		}
	}
	if len(involved) == 0 {
		return nil, nil
	}
	slices.Sort(involved)
	m := mat.NewSymDense(len(involved), nil)
	for k := range involved {
		m.SetSym(k, k, 1)
	}
	for _, c := range cs {
		a, okA := InputIndex(c.A)
		b, okB := InputIndex(c.B)
		if okA && okB && a != b {
			m.SetSym(slices.Index(involved, a), slices.Index(involved, b), c.Rho)
		}
	}
	return involved, m
}

// positiveDefinite reports whether the correlations can hold together: their
// target matrix has a Cholesky factorisation.
func positiveDefinite(cs []Correlation) bool {
	_, m := CorrelationTarget(cs)
	if m == nil {
		return true
	}
	var chol mat.Cholesky
	return chol.Factorize(m)
}

// inconsistentCorrelations returns a problem naming the pairs that cannot
// hold together, or "" when the correlations' target matrix is positive
// definite. It names a smallest set of inputs whose own correlations
// already fail (a principal submatrix that is not positive definite), found
// by leaving out, one at a time, every input without which the rest still
// fail, and the correlations among them, pairs not given counting as 0.
func inconsistentCorrelations(cs []Correlation) string {
	if positiveDefinite(cs) {
		return ""
	}
	// within returns the correlations between inputs of the set.
	within := func(set []int) []Correlation {
		var out []Correlation
		for _, c := range cs {
			a, _ := InputIndex(c.A)
			b, _ := InputIndex(c.B)
			if slices.Contains(set, a) && slices.Contains(set, b) {
				out = append(out, c)
			}
		}
		return out
	}
	set, _ := CorrelationTarget(cs)
	for i := 0; i < len(set); {
		without := slices.Delete(slices.Clone(set), i, i+1)
		if !positiveDefinite(within(without)) {
			set = without
			continue
		}
		i++
	}
	pairs := within(set)
	names := make([]string, len(set))
	for i, j := range set {
		names[i] = InputNames()[j]
	}
	parts := make([]string, len(pairs))
	for i, c := range pairs {
		parts[i] = fmt.Sprintf("%s with %s %s", c.A, c.B, strconv.FormatFloat(c.Rho, 'g', -1, 64))
	}
	if n := len(set); len(pairs) < n*(n-1)/2 {
		parts = append(parts, "0 for each pair not given")
	}
	return fmt.Sprintf("the rank correlations among %s cannot all hold (%s): their correlation matrix is not positive definite; weaken some of them",
		joinAnd(names), joinWith(parts, ", "))
}

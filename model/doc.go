// Package model holds corecast's domain types: trusts, their funding, financial
// years, probability distributions and the scenario that parameterises a forecast,
// together with the validation rules that apply to each of them.
//
// Money is in £ million (£m) as float64 throughout. The package depends on nothing
// else in corecast, so every other package may use it.
package model

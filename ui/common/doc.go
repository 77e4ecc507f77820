// Package common holds what the root model shares with every screen: the
// Context (window size, styles, key bindings, scenarios, inputs, results and
// run state), the Component interface each screen implements, and the
// messages screens send to the root.
package common

package forecast

// Binding is what stops a goal being reached when no value of the lever
// reaches it (DESIGN §7). The front ends word it; GoalSeekResult.PUnbound
// gives the figure the words need.
type Binding int

// What can bind. With both the envelope and the capacity unlimited only
// deployment time and the target year are left.
const (
	// BindsNothing: the goal is reached.
	BindsNothing Binding = iota
	// BindsDeployment: even unlimited money and starts do not reach the
	// goal: trusts cannot finish deploying by the target year.
	BindsDeployment
	// BindsCapacity: the goal is out of reach because of capacity_starts;
	// unlimited starts as well as money would reach it.
	BindsCapacity
	// BindsEnvelope: the goal is out of reach because of the national
	// envelope; unlimited money as well as starts would reach it.
	BindsEnvelope
)

// Key is the binding's machine name, as exports write it.
func (b Binding) Key() string {
	switch b {
	case BindsDeployment:
		return "deployment_time"
	case BindsCapacity:
		return LeverCapacity
	case BindsEnvelope:
		return "national_envelope"
	}
	return ""
}

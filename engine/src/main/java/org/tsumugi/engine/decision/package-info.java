/**
 * DMN decisions: reading .dmn resources with dmn-scala, their deployed versions, evaluating them, and
 * the decision instances that record why a rule fired.
 */
package org.tsumugi.engine.decision;

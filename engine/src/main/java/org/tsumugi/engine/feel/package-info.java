/** FEEL expressions in BPMN attributes, parsed at deployment and evaluated by the engine. */
package org.tsumugi.engine.feel;

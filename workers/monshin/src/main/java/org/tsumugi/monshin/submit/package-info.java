/** Starting the intake from a submitted questionnaire, once per reception. */
package org.tsumugi.monshin.submit;

/** The questionnaire's Camunda Form read as a set of questions, and what a submission must satisfy. */
package org.tsumugi.monshin.form;

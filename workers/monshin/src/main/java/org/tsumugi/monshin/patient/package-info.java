/** Finding the questionnaire's patient among the EMR's search results. */
package org.tsumugi.monshin.patient;

/** Normalising a patient's answers for staff, robots and documents (the tsumugi.monshin.normalize job). */
package org.tsumugi.monshin.normalize;

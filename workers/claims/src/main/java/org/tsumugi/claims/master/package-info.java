/**
 * The 支払基金 code masters (診療行為, 医薬品, 特定器材, 傷病名, 修飾語, コメント) read from files in their
 * official CSV shape. Only the columns the checks use are kept, so a full master set stays small in memory.
 * Masters are versioned: a code is looked up for the date of treatment.
 */
package org.tsumugi.claims.master;

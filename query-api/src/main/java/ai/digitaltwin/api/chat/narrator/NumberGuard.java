package ai.digitaltwin.api.chat.narrator;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a narration says the figures of the twin's own reply and no others. Numerals (values, clock
 * times, the parts of a date) must be exactly the reply's: none changed, added or left out. Words that
 * name a number or a day ("two", "dozen", "May", "Monday", "yesterday") may only be those the reply uses.
 * Numerals compare by value: "06:13" = "6:13" = "6:13 am", "18:05" = "6:05 pm", "72.0" = "72", "1,200" =
 * "1200"; a digit inside a word ("SpO2") is no figure.
 *
 * <p>The guard errs towards refusing: a refused narration costs only its wording (the twin's own reply is
 * shown), a wrong figure shown would cost the user's trust in every figure.
 */
final class NumberGuard {
  /** A numeral not inside a word: optional sign, digits with '.', ':' or ',' between digit groups. */
  private static final Pattern NUMERAL =
      Pattern.compile("(?<![\\p{L}\\d])([-\u2212](?=\\d))?(\\d+(?:[.:,]\\d+)*)(\\s*([aApP])\\.?[mM]\\b\\.?)?");
  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Set<String> NUMBER_WORDS = Set.of("zero", "one", "two", "three", "four", "five", "six",
      "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
      "thousand", "million", "dozen", "dozens", "once", "twice", "thrice", "half", "quarter", "double", "triple",
      "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday");
  /** Month names count only capitalised: "may" and "march" are words too. */
  private static final Set<String> MONTHS = Set.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
      "Sep", "Sept", "Oct", "Nov", "Dec");

  private NumberGuard() {}

  /** True when {@code narration} states exactly the numerals of {@code reply} and no figure word it lacks. */
  static boolean faithful(String narration, String reply) {
    return numerals(narration).equals(numerals(reply)) && words(reply).containsAll(words(narration));
  }

  /** The numerals of {@code text}, each written one way (see the class comment). */
  static Set<String> numerals(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = NUMERAL.matcher(text);
    while (m.find()) {
      String sign = m.group(1) == null ? "" : "-";
      String digits = m.group(2);
      String meridiem = m.group(4) == null ? null : m.group(4).toLowerCase(Locale.ROOT);
      if (digits.contains(":") || meridiem != null) {
        out.add(clock(digits, meridiem));
      } else if (THOUSANDS.matcher(digits).matches()) {
        out.add(sign + decimal(digits.replace(",", "")));
      } else {
        String[] parts = digits.split(",");
        for (int i = 0; i < parts.length; i++) {
          out.add((i == 0 ? sign : "") + decimal(parts[i]));
        }
      }
    }
    return out;
  }

  /** The words of {@code text} that name a number, a day or a month, in lower case. */
  static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = m.group();
      String lower = word.toLowerCase(Locale.ROOT);
      if (NUMBER_WORDS.contains(lower) || MONTHS.contains(word)) {
        out.add(lower);
      }
    }
    return out;
  }

  /** "06:13" → "6:13", "6:13 pm" → "18:13", "3 pm" → "15:00"; an hour out of 1–12 keeps its am/pm as said. */
  private static String clock(String digits, String meridiem) {
    String[] parts = digits.split("[:.]");
    int hour = Integer.parseInt(parts[0]);
    if (meridiem != null && hour >= 1 && hour <= 12) {
      hour = hour % 12 + (meridiem.equals("p") ? 12 : 0);
    }
    StringBuilder out = new StringBuilder().append(hour);
    if (parts.length == 1) {
      out.append(":00");
    }
    for (int i = 1; i < parts.length; i++) {
      out.append(':').append(parts[i].length() == 1 ? "0" + parts[i] : parts[i]);
    }
    return out.toString();
  }

  /** "72.50" → "72.5", "072" → "72"; a dotted run that is no number ("1.2.3") as its parts joined. */
  private static String decimal(String digits) {
    if (digits.indexOf('.') != digits.lastIndexOf('.')) {
      StringBuilder out = new StringBuilder();
      for (String part : digits.split("\\.")) {
        out.append(out.length() == 0 ? "" : ".").append(new BigDecimal(part).toPlainString());
      }
      return out.toString();
    }
    BigDecimal value = new BigDecimal(digits).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
  }
}

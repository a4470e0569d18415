import { describe, expect, it } from "vitest";
import { formatMentor, isValidEmail, parseMentors } from "./mentors.ts";

const mentors = (text: string) => parseMentors(text).mentors;
const person = (name: string | null, handle: string | null, email: string | null) => ({ name, handle, email });

describe("parseMentors", () => {
  it("reads the canonical nested form and the 2024 variants", () => {
    expect(mentors("- Paul Arah(paularah, <paul.arah@isovalent.com>)\n- Bill Mulligan(xmulligan, <bill.mulligan@isovalent.com>)")).toEqual([
      person("Paul Arah", "paularah", "paul.arah@isovalent.com"),
      person("Bill Mulligan", "xmulligan", "bill.mulligan@isovalent.com"),
    ]);
    expect(mentors("Lee Calcote (@leecalcote, leecalcote@gmail.com), Uzair Shaikh (@muzairs15, muzair.shaikh810@gmail.com)")).toEqual([
      person("Lee Calcote", "leecalcote", "leecalcote@gmail.com"),
      person("Uzair Shaikh", "muzairs15", "muzair.shaikh810@gmail.com"),
    ]);
    expect(mentors("- Justin Cappos @JustinCappos jcappos@nyu.edu")).toEqual([person("Justin Cappos", "JustinCappos", "jcappos@nyu.edu")]);
    expect(mentors("- Geoffrey Wilson, @suprjinx, geoff@gr-oss.io")).toEqual([person("Geoffrey Wilson", "suprjinx", "geoff@gr-oss.io")]);
    expect(mentors("- Yash Sharma (yashrsharma44@meta.com)")).toEqual([person("Yash Sharma", null, "yashrsharma44@meta.com")]);
  });

  it("keeps an email that strayed outside its parentheses with its mentor", () => {
    expect(mentors("Lee Calcote (@leecalcote, leecalcote@gmail.com), Nic Jackson (@nicholasjackson), jackson.nic@gmail.com)")).toEqual([
      person("Lee Calcote", "leecalcote", "leecalcote@gmail.com"),
      person("Nic Jackson", "nicholasjackson", "jackson.nic@gmail.com"),
    ]);
  });

  it("reads GitHub links, @handles and names joined by and, &, or semicolons", () => {
    expect(
      mentors("[Hung-Ying Tai](https://github.com/hydai) (hydai[at]secondstate.io), [Yi-Ying He](https://github.com/q82419) (yiying[at]secondstate.io)"),
    ).toEqual([person("Hung-Ying Tai", "hydai", "hydai@secondstate.io"), person("Yi-Ying He", "q82419", "yiying@secondstate.io")]);
    expect(mentors("Keao Yang([@YangKeao](https://github.com/YangKeao)), Cwen Yin([@cwen0](https://github.com/cwen0)\\)")).toEqual([
      person("Keao Yang", "YangKeao", null),
      person("Cwen Yin", "cwen0", null),
    ]);
    expect(mentors("Krasi Georgiev @krasi-georgiev and Julius Volz @juliusv")).toEqual([
      person("Krasi Georgiev", "krasi-georgiev", null),
      person("Julius Volz", "juliusv", null),
    ]);
    expect(mentors("Juraci Paixão & Thomas Grampelberg")).toEqual([person("Juraci Paixão", null, null), person("Thomas Grampelberg", null, null)]);
    expect(mentors("Yong Tang @yongtang (yong.tang.github@outlook.com); Chris O'Haver @chrisohaver (cohaver@infoblox.com)")).toEqual([
      person("Yong Tang", "yongtang", "yong.tang.github@outlook.com"),
      person("Chris O'Haver", "chrisohaver", "cohaver@infoblox.com"),
    ]);
    expect(mentors("@SergeyKanzhelev")).toEqual([person(null, "SergeyKanzhelev", null)]);
    expect(mentors("[@Matthias Wahl](https://github.com/mfelsche), [@Heinz Gies](https://github.com/Licenser)")).toEqual([
      person("Matthias Wahl", "mfelsche", null),
      person("Heinz Gies", "Licenser", null),
    ]);
    expect(mentors("Kevin(Zefeng) Wang (@[kevin-wangzefeng](https://github.com/kevin-wangzefeng))")).toEqual([
      person("Kevin (Zefeng) Wang", "kevin-wangzefeng", null),
    ]);
  });

  it("de-obfuscates emails and says so", () => {
    const parsed = parseMentors("Pierangelo Di Pilato @pierDipi (pierdipi AT redhat DOT com), Ali Ok @aliok (aliok AT redhat DOT com)");
    expect(parsed.mentors).toEqual([person("Pierangelo Di Pilato", "pierDipi", "pierdipi@redhat.com"), person("Ali Ok", "aliok", "aliok@redhat.com")]);
    expect(parsed.obfuscatedEmails).toEqual([
      { text: "pierdipi AT redhat DOT com", index: 0 },
      { text: "aliok AT redhat DOT com", index: 0 },
    ]);
    expect(mentors("- Michael Yuan @juntao (michael at secondstate dot io)")).toEqual([person("Michael Yuan", "juntao", "michael@secondstate.io")]);
  });

  it("drops role words and labels but keeps other remarks in the name", () => {
    expect(mentors("- Jared Watts (primary) (@jbw976, jbw976@gmail.com)")).toEqual([person("Jared Watts", "jbw976", "jbw976@gmail.com")]);
    expect(mentors("- Matthias Bertschy (@matthyx, matthias.bertschy@gmail.com) - primary")).toEqual([
      person("Matthias Bertschy", "matthyx", "matthias.bertschy@gmail.com"),
    ]);
    expect(mentors("- Primary\n  - [Nate Waddington](https://github.com/nate-double-u)\n- Adjunct\n  - [Josh Berkus](https://github.com/jberkus)")).toEqual([
      person("Nate Waddington", "nate-double-u", null),
      person("Josh Berkus", "jberkus", null),
    ]);
    expect(mentors("Mentor(s):  Yi Zha, @yizha1 (yizha1@microsoft.com)")).toEqual([person("Yi Zha", "yizha1", "yizha1@microsoft.com")]);
    expect(mentors("  - Mentor Name: Aabid Sofi (@aabidsofi19, a@b.io), Lee Calcote (@leecalcote, leecalcote@gmail.com),")).toHaveLength(2);
  });

  it("reads a bare handle in parentheses and names on separate lines", () => {
    expect(mentors("Nina Polshakova (npolshakova)\nLin Sun (linsun)")).toEqual([
      person("Nina Polshakova", "npolshakova", null),
      person("Lin Sun", "linsun", null),
    ]);
    expect(mentors("@Vad1mo - Vadim Bauer, vb@container-registry.com); @wy65701436 - Yan Wang(wangyan@vmware.com)")).toEqual([
      person("Vadim Bauer", "Vad1mo", "vb@container-registry.com"),
      person("Yan Wang", "wy65701436", "wangyan@vmware.com"),
    ]);
    expect(mentors("- Hung-Ying, Tai (@hydai , hydai@secondstate.io )")).toEqual([person("Hung-Ying Tai", "hydai", "hydai@secondstate.io")]);
    expect(mentors("- Wei Li (Zefeng) (@wl, <wl@x.io>)")).toEqual([person("Wei Li (Zefeng)", "wl", "wl@x.io")]);
    expect(mentors("- Wei Li (wl) (wl@x.io)")).toEqual([person("Wei Li", "wl", "wl@x.io")]);
  });

  it("keeps prose that names no one to contact as a note", () => {
    const parsed = parseMentors("- Callum Styan (@cstyan, callumstyan@gmail.com),\n- Nico Pazos and Alex Greenbank from Grafana also available to help");
    expect(parsed.mentors).toEqual([person("Callum Styan", "cstyan", "callumstyan@gmail.com")]);
    expect(parsed.notes).toEqual(["Nico Pazos and Alex Greenbank from Grafana also available to help"]);
    expect(parseMentors("TBD")).toMatchObject({ mentors: [], notes: ["TBD"] });
  });

  it("collects malformed emails", () => {
    expect(parseMentors("Aabid Sofi (@aabidsofi19, mailtoaabid01@gmail.com)").malformedEmails).toEqual([{ text: "mailtoaabid01@gmail.com", index: 0 }]);
    expect(parseMentors("\n  - A (@a, a@b.io)\n  - Zhonghu Xu (@hzxuzhonghu, zhhxu@163)").malformedEmails).toEqual([{ text: "zhhxu@163", index: 2 }]);
  });
});

describe("formatMentor", () => {
  const plain = (text: string) => text;
  it("writes Name (@handle, <email>) and leaves out what is unknown", () => {
    expect(formatMentor(person("Paul Arah", "paularah", "paul.arah@isovalent.com"), plain)).toBe("Paul Arah (@paularah, <paul.arah@isovalent.com>)");
    expect(formatMentor(person("Yash Sharma", null, "y@meta.com"), plain)).toBe("Yash Sharma (<y@meta.com>)");
    expect(formatMentor(person(null, "maxgolov", null), plain)).toBe("@maxgolov");
    expect(formatMentor(person("Klaus Ma", null, null), plain)).toBe("Klaus Ma");
  });

  it("reads back what it writes", () => {
    for (const mentor of [person("Paul Arah", "paularah", "paul.arah@isovalent.com"), person(null, "h", "a@b.io"), person("Kevin (Zefeng) Wang", "kw", null)]) {
      expect(parseMentors(`- ${formatMentor(mentor, plain)}`).mentors).toEqual([mentor]);
    }
  });
});

describe("isValidEmail", () => {
  it("accepts addresses and refuses glued mailto and missing domains", () => {
    expect(isValidEmail("git@onpy.in")).toBe(true);
    expect(isValidEmail("mailtoaabid01@gmail.com")).toBe(false);
    expect(isValidEmail("tbd@email")).toBe(false);
  });
});

package io.veroforge.generator.synthesize;

/**
 * Exact npm versions the pack pins in every generated {@code package.json} (no ranges: the
 * security scanner checks pinning, and identical pins across apps let one npm cache serve all).
 * Checked with {@code npm view <pkg>@<major> version} against the npm registry; Vite 7 because
 * Vite 8 does not install with npm 10, TypeScript 5 because Nest 11's tooling targets it, and the mobile
 * shell's React at least 19.1.4 because react-native 0.81 requires it as a peer (19.1.0 did not install).
 * ESLint 9 (not 10) with typescript-eslint 8.74, whose peer range covers TypeScript 5.9; jwks-rsa 3 because
 * 4 needs the ESM-only jose 6, which Jest's CommonJS runtime cannot load.
 */
public final class Versions {

    public static final Versions INSTANCE = new Versions();

    private Versions() {
    }

    public String nest() { return "11.2.10"; }
    public String nestTesting() { return "11.2.6"; }
    public String nestSwagger() { return "11.4.7"; }
    public String nestJwt() { return "11.0.2"; }
    public String prisma() { return "7.10.0"; }
    public String pg() { return "8.23.1"; }
    public String promClient() { return "15.1.3"; }
    public String typesPg() { return "8.23.1"; }
    public String classValidator() { return "0.15.1"; }
    public String classTransformer() { return "0.5.1"; }
    public String reflectMetadata() { return "0.2.2"; }
    public String rxjs() { return "7.8.2"; }
    public String cronParser() { return "5.10.6"; }
    public String nodemailer() { return "10.6.1"; }
    public String typesNodemailer() { return "8.0.2"; }
    public String smtpServer() { return "3.21.6"; }
    public String typesSmtpServer() { return "3.5.13"; }
    public String mailparser() { return "3.14.2"; }
    public String typesMailparser() { return "3.9.0"; }
    public String jest() { return "30.5.2"; }
    public String tsJest() { return "29.4.15"; }
    public String typesJest() { return "30.0.0"; }
    public String supertest() { return "7.3.2"; }
    public String typesSupertest() { return "6.0.3"; }
    public String typesExpress() { return "5.0.6"; }
    public String typesNode() { return "20.19.43"; }
    public String typescript() { return "5.9.3"; }
    public String react() { return "19.3.1"; }
    public String typesReact() { return "19.3.0"; }
    public String reactRouter() { return "7.18.5"; }
    public String vite() { return "7.3.8"; }
    public String expo() { return "54.0.37"; }
    public String reactNative() { return "0.81.6"; }
    public String expoReact() { return "19.1.4"; }
    public String expoTypesReact() { return "19.1.17"; }
    public String jwksRsa() { return "3.2.2"; }
    public String oidcClient() { return "3.5.0"; }
    public String eslint() { return "9.39.5"; }
    public String eslintJs() { return "9.39.5"; }
    public String typescriptEslint() { return "8.74.0"; }
    public String node() { return "20"; }
    public String postgres() { return "16"; }
}

package io.veroforge.generator.ai;

import io.veroforge.generator.gaps.GapFill;
import io.veroforge.generator.scan.Finding;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.GeneratedRepository;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cheap checks, first: the candidate's imports stay inside the contract (only
 * {@code @nestjs/common}), and the security scanner finds nothing in the gap's file.
 */
public final class ScannerFillValidator implements FillValidator {

    private static final Pattern ALLOWED_IMPORT = Pattern.compile("^import \\{ ?[A-Za-z_, ]+ ?\\} from '@nestjs/common';$");
    private final SecurityScanner scanner;

    public ScannerFillValidator(SecurityScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public Verdict validate(GapFill candidate, GeneratedRepository repo) {
        List<String> bad = candidate.imports().stream().filter(i -> !ALLOWED_IMPORT.matcher(i.strip()).matches())
                .map(i -> "import not allowed by the contract (only named imports from '@nestjs/common'): " + i).toList();
        if (!bad.isEmpty()) {
            return Verdict.fail("contract", bad);
        }
        List<String> findings = scanner.scan(repo.files()).findings().stream().filter(f -> f.file().equals(candidate.targetFile()))
                .map(Finding::toString).toList();
        return findings.isEmpty() ? Verdict.pass() : Verdict.fail("scanner", findings);
    }
}

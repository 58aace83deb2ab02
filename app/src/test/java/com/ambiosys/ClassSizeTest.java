package com.ambiosys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * Classes that do one thing and methods that fit on a screen: no source file in app/src/main over
 * 400 lines, no method over 60. Methods are measured on the source as the JDK's own parser reads it,
 * from the line of their signature (annotations left out) to their closing brace, lambdas and local
 * classes included.
 */
class ClassSizeTest {

    static final int MAX_CLASS_LINES = 400;
    static final int MAX_METHOD_LINES = 60;

    static Path sources;

    @BeforeAll
    static void locateSources() throws URISyntaxException {
        // target/classes → the module's src/main/java, wherever the build runs from
        Path classes = Path.of(AmbiosysApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        sources = classes.getParent().getParent().resolve("src/main/java");
        assertThat(sources.resolve("com/ambiosys/AmbiosysApplication.java")).exists();
    }

    @Test
    void noClassIsLongerThan400Lines() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            long lines;
            try (Stream<String> stream = Files.lines(file)) {
                lines = stream.count();
            }
            if (lines > MAX_CLASS_LINES) {
                offenders.add(sources.relativize(file) + " has " + lines + " lines");
            }
        }
        assertThat(offenders).as("source files over %d lines", MAX_CLASS_LINES).isEmpty();
    }

    @Test
    void noMethodIsLongerThan60Lines() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> offenders = new ArrayList<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(javaFiles());
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null, units);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                new MethodLengths(unit, positions, offenders).scan(unit, null);
            }
        }
        assertThat(offenders).as("methods over %d lines", MAX_METHOD_LINES).isEmpty();
    }

    /** Measures every method and constructor of one compilation unit, nested classes included. */
    private static final class MethodLengths extends TreePathScanner<Void, Void> {

        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final List<String> offenders;
        private final List<String> classNames = new ArrayList<>();

        MethodLengths(CompilationUnitTree unit, SourcePositions positions, List<String> offenders) {
            this.unit = unit;
            this.positions = positions;
            this.offenders = offenders;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            classNames.add(type.getSimpleName().toString());
            try {
                return super.visitClass(type, unused);
            } finally {
                classNames.remove(classNames.size() - 1);
            }
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            if (method.getBody() != null) {
                long first = line(signatureStart(method));
                long last = line(positions.getEndPosition(unit, method));
                long length = last - first + 1;
                if (length > MAX_METHOD_LINES) {
                    String name = method.getName().contentEquals("<init>") ? "<init>" : method.getName().toString();
                    offenders.add(className() + "." + name + " (line " + first + ") has " + length + " lines");
                }
            }
            return super.visitMethod(method, unused);
        }

        /** Where the signature begins: after the annotations, so they do not count towards the body. */
        private long signatureStart(MethodTree method) {
            Tree first = !method.getTypeParameters().isEmpty() ? method.getTypeParameters().get(0)
                    : method.getReturnType();
            if (first != null) {
                return positions.getStartPosition(unit, first);
            }
            var annotations = method.getModifiers().getAnnotations();
            long start = positions.getStartPosition(unit, method);
            return annotations.isEmpty() ? start
                    : Math.max(start, positions.getEndPosition(unit, annotations.get(annotations.size() - 1)));
        }

        private long line(long position) {
            return unit.getLineMap().getLineNumber(position);
        }

        private String className() {
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
            return pkg + String.join("$", classNames.isEmpty() ? List.of("?") : classNames);
        }
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
